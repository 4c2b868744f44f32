/**
 * View models: the window's state as JavaFX properties and its commands as methods. They never
 * see a control; background work reaches them through an injected executor (Platform::runLater
 * in the window, a same-thread executor in tests).
 */
package org.addernet.app.ui.vm;
