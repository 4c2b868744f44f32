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
        org.addernet.app.io.AtomicFiles.imagesInMemory();
        // a thread's uncaught error (a bug) is one line naming the log that holds its trace
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> System.err.println(WorkbenchCommand.crash(e, args)));
        System.exit(WorkbenchCommand.execute(args, System.out, System.err));
    }
}
