/**
 * Training for the window: one worker thread steps every model of a session, answers commands
 * (play, pause, step, speed, learning rate, close) between steps, and publishes immutable
 * snapshots at a bounded rate. No JavaFX here; the view model hands snapshots to the FX thread.
 */
package org.addernet.app.ui.session;
