/**
 * Training for the main window: one worker thread steps every model of a session
 * ({@link org.addernet.app.ui.session.TrainingSession}), answers commands (play, pause, step,
 * speed, learning rate, close) between steps, and publishes immutable snapshots at a bounded rate,
 * paced by a {@link org.addernet.app.ui.session.PaceClock} (the system's, or a virtual one in
 * tests). No JavaFX here; the view model hands snapshots to the FX thread.
 */
package org.addernet.app.ui.session;
