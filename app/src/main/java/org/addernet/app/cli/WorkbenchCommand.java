package org.addernet.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: {@code workbench run|open|queue|runs|bench ...}. */
@Command(name = "workbench", mixinStandardHelpOptions = true, version = "AdderNet Workbench 0.1.0",
        description = "Train, watch and reproduce AdderNets (Chen et al., Universal Adder Neural Networks).",
        subcommands = {RunCommand.class, OpenCommand.class, RunsCommand.class, QueueCommand.class, BenchCommand.class, DownloadCommand.class, CurvesCommand.class, PresetsCommand.class, OpsCommand.class, WeightsCommand.class, FiltersCommand.class, Theorem4Command.class, FeaturesCommand.class})
public final class WorkbenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where progress goes (stderr of the process, or a test's stream). */
    PrintStream err = System.err;

    @Override
    public void run() {
        var out = spec.commandLine().getOut();
        spec.commandLine().usage(out);
    }

    /** Parses and runs {@code args}; returns the exit code. Usage errors are one line on {@code err}. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        WorkbenchCommand top = new WorkbenchCommand();
        top.err = err;
        CommandLine cl = new CommandLine(top);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getParent() == null ? "" : c.getCommandName() + " ";
            c.getErr().println("workbench: " + ex.getMessage() + " (see: ./workbench " + name + "--help)");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println(CrashLog.report(ex, args));
            return INTERNAL_ERROR;
        });
        try {
            return cl.execute(args);
        } catch (RuntimeException | Error e) {          // what picocli lets through (an OutOfMemoryError)
            err.println(CrashLog.report(e, args));
            return INTERNAL_ERROR;
        } finally {
            CrashLog.runFolder(null);
        }
    }

    /**
     * The exit code of an internal error (a bug): its trace is in a log file, the user reads one
     * line naming it. Bad input the user can fix exits 2, a run that failed 1.
     */
    public static final int INTERNAL_ERROR = 3;

    /** One line for an error outside a command (an uncaught exception of another thread): its trace goes to a log. */
    public static String crash(Throwable error, String[] args) {
        return CrashLog.report(error, args);
    }
}
