/** The workbench application: the command line (run, bench) and, later, the JavaFX window. */
package org.addernet.app;
