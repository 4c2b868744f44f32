/**
 * The main window's views ({@link org.addernet.app.ui.view.MainView} and its panes): they build
 * controls and bind them to {@link org.addernet.app.ui.vm.WorkbenchViewModel}, nothing more; the
 * window's entry point ({@link org.addernet.app.ui.view.WorkbenchApp}) makes the view model and
 * opens the other windows from its menus. {@link org.addernet.app.ui.view.Widgets} and
 * {@link org.addernet.app.ui.view.FxImages} are the small pieces every window's view shares.
 */
package org.addernet.app.ui.view;
