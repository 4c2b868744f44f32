/** The command line ({@code ./workbench run|bench}), built with picocli; user errors are one line on stderr. */
package org.addernet.app.cli;
