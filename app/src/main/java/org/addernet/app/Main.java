package org.addernet.app;

import org.addernet.app.cli.WorkbenchCommand;
import org.addernet.app.ui.view.WorkbenchApp;

/** Entry point of {@code ./workbench}: no arguments opens the window, anything else is the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.exit(WorkbenchApp.launchWindow(args) ? 0 : 1);
        }
        System.exit(WorkbenchCommand.execute(args, System.out, System.err));
    }
}
