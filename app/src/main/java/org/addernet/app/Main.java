package org.addernet.app;

import org.addernet.app.cli.WorkbenchCommand;

/** Entry point of {@code ./workbench}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(WorkbenchCommand.execute(args, System.out, System.err));
    }
}
