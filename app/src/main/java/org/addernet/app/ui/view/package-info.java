/** The window's views: they build controls and bind them to the view models, nothing more. */
package org.addernet.app.ui.view;
