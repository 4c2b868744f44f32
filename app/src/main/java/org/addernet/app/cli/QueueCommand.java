package org.addernet.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.addernet.app.store.QueueItem;
import org.addernet.app.store.RunQueue;
import org.addernet.app.store.RunStore;
import org.addernet.app.store.SweepValues;
import org.addernet.app.store.WorkbenchHome;
import org.addernet.presets.PresetException;
import org.addernet.presets.Problem;
import org.addernet.presets.Problems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.addernet.engine.train.RunStatus;

/**
 * {@code workbench queue add|list|run|cancel|retry|move|remove}: the window's run queue from the
 * command line ({@code <home>/queue.json}). One process holds a queue at a time: {@code queue add}
 * while {@code queue run} or the window has it open is refused.
 */
@Command(name = "queue", mixinStandardHelpOptions = true,
        description = "The run queue of the workbench home: add presets, list, run them (items interrupted by a "
                + "kill or Ctrl-C continue from their checkpoints on the next run), cancel, retry, reorder.",
        subcommands = {QueueCommand.Add.class, QueueCommand.ListItems.class, QueueCommand.Run.class,
                QueueCommand.Cancel.class, QueueCommand.Retry.class, QueueCommand.Move.class, QueueCommand.Remove.class})
public final class QueueCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --home DIR}, shared by the subcommands. */
    static final class Home {
        @Option(names = "--home", paramLabel = "DIR", description = "workbench home (default: $ADDERNET_HOME, else ~/.addernet)")
        Path home;

        RunQueue open() throws IOException {
            return RunQueue.open(new RunStore(WorkbenchHome.resolve(home)), "cli");
        }
    }

    /** How the queue's warnings start when its last save failed (QueueBook#save). */
    private static final String UNSAVED = "cannot save ";

    /** Opens the queue, runs {@code body}, closes; a queue held elsewhere is one line and exit 2. */
    private abstract static class Sub implements Callable<Integer> {
        @Mixin
        Home home;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        abstract int body(RunQueue q, PrintWriter out, PrintWriter err) throws IOException;

        /**
         * What is refused before the queue is opened (opening makes the home, its queue.lock and
         * queue.json): a refused command makes nothing. The exit code, or -1 to go on.
         */
        int refuse(PrintWriter err) {
            return -1;
        }

        /**
         * Refuses an item {@code id} that the saved queue does not hold (read without opening it);
         * a queue.json that cannot be read is left to {@link #call()}'s opening to report.
         */
        int refuseUnknown(String id, PrintWriter err) {
            boolean known;
            try {
                known = RunQueue.peek(WorkbenchHome.resolve(home.home)).items().stream().anyMatch(i -> i.id().equals(id));
            } catch (IOException e) {
                known = true;
            }
            if (!known) {
                err.println("workbench queue: " + id + ": no such item");
                return 2;
            }
            return -1;
        }

        String name() {
            return "workbench queue " + spec.name();
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            int refused = refuse(err);
            if (refused >= 0) {
                return refused;
            }
            RunQueue q;
            try {
                q = home.open();
            } catch (IOException e) {
                err.println(name() + ": " + e.getMessage());
                return 2;
            }
            try {
                q.warnings().stream().filter(w -> !w.startsWith(UNSAVED))
                        .forEach(w -> err.println(name() + ": warning: " + w));
                int code = body(q, spec.commandLine().getOut(), err);
                // the queue's last save failed (a full disk): said, and the command failed
                List<String> unsaved = q.warnings().stream().filter(w -> w.startsWith(UNSAVED)).toList();
                unsaved.forEach(w -> err.println(name() + ": " + w + " (the queue as saved before is kept there)"));
                return unsaved.isEmpty() || code != 0 ? code : 1;
            } catch (IOException e) {
                err.println(name() + ": " + e.getMessage());
                return 1;
            } finally {
                q.close();
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add presets (x setting sets) to the end of the queue.")
    static final class Add extends Sub {
        @Parameters(paramLabel = "PRESET", arity = "1..*", description = "preset files or bundled preset names")
        List<String> presets;

        @Option(names = "--set", paramLabel = "key.path=value", description = "override a preset value (every item)")
        List<String> overrides = new ArrayList<>();

        @Option(names = "--sweep", paramLabel = "key.path=v1,v2,...", description = "one item per value (repeat for "
                + "a grid: presets x values x values); values split at commas outside brackets")
        List<String> sweeps = new ArrayList<>();

        @Option(names = "--seeds", paramLabel = "N", defaultValue = "1", description = "seeds per item (default 1)")
        int seeds;

        @Option(names = "--data", paramLabel = "DIR", description = "data root searched first (image sets)")
        Path data;

        /** The setting sets, one per item of each preset ({@link #refuse}). */
        private List<List<String>> sets;
        /** key=v -> the --sweep it came from. */
        private final java.util.Map<String, String> fromSweep = new java.util.HashMap<>();

        /** Every preset x setting set is read and checked before the queue is opened: a refused add makes nothing. */
        @Override
        int refuse(PrintWriter err) {
            if (seeds < 1) {
                err.println(name() + ": --seeds must be >= 1, got " + seeds);
                return 2;
            }
            sets = List.of(List.copyOf(overrides));
            for (String sweep : sweeps) {
                int eq = sweep.indexOf('=');
                if (eq < 1 || eq == sweep.length() - 1) {
                    err.println(name() + ": --sweep " + sweep + ": expected key.path=v1,v2,...");
                    return 2;
                }
                String key = sweep.substring(0, eq);
                List<List<String>> grown = new ArrayList<>();
                for (List<String> s : sets) {
                    for (String v : SweepValues.split(sweep.substring(eq + 1))) {
                        List<String> t = new ArrayList<>(s);
                        t.add(key + "=" + v);
                        fromSweep.putIfAbsent(key + "=" + v, "--sweep " + sweep + " (value " + v + ")");
                        grown.add(t);
                    }
                }
                sets = grown;
            }
            try {
                for (String p : presets) {
                    for (List<String> s : sets) {       // as RunQueue.addAll checks them, without opening the queue
                        org.addernet.presets.PlanBudget.requireFits(org.addernet.presets.PresetLoader.resolve(p, s),
                                seeds, "--seeds " + seeds, 1);
                    }
                }
            } catch (PresetException e) {
                err.println(name() + ": " + sweepWords(e, fromSweep));
                return 2;
            }
            return -1;
        }

        @Override
        int body(RunQueue q, PrintWriter out, PrintWriter err) {
            try {
                for (QueueItem it : q.addAll(presets, sets, seeds, data)) {
                    out.println(it.id() + "  " + it.preset() + (it.overrides().isEmpty() ? "" : "  "
                            + String.join(" ", it.overrides())));
                }
            } catch (PresetException e) {
                err.println(name() + ": " + sweepWords(e, fromSweep));
                return 2;
            }
            return 0;
        }

        /** The problems of {@code e} with a value that came from a {@code --sweep} named as that sweep, not as a --set. */
        private static String sweepWords(PresetException e, java.util.Map<String, String> fromSweep) {
            if (e.problems().isEmpty()) {
                String m = e.getMessage();
                for (var s : fromSweep.entrySet()) {
                    if (m.startsWith("--set " + s.getKey() + ":")) {
                        return s.getValue() + m.substring(("--set " + s.getKey()).length());
                    }
                }
                return m;
            }
            Problems out = null;
            for (Problem p : e.problems()) {
                String source = p.source();
                if (source.startsWith("--set ") && fromSweep.containsKey(source.substring(6))) {
                    source = fromSweep.get(source.substring(6));
                }
                if (out == null) {
                    out = new Problems(source);
                }
                out.add(new Problem(source, p.place(), p.field(), p.expected(), p.hint()));
            }
            return out.message();
        }
    }

    /** {@code queue list}: reads queue.json without opening the queue (nothing is made, locked or saved). */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the queue (reads only: nothing is "
            + "made or changed).")
    static final class ListItems implements Callable<Integer> {
        @Mixin
        Home home;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            RunQueue.View v;
            try {
                v = RunQueue.peek(WorkbenchHome.resolve(home.home));
            } catch (IOException e) {
                spec.commandLine().getErr().println("workbench queue list: " + e.getMessage());
                return 2;
            }
            print(v.items(), v.parallel(), spec.commandLine().getOut());
            return 0;
        }
    }

    static void print(List<QueueItem> items, int parallel, PrintWriter out) {
        out.println("parallel " + parallel + ", " + items.size() + " item" + (items.size() == 1 ? "" : "s"));
        for (QueueItem it : items) {
            out.println(String.format(Locale.ROOT, "%-5s %-11s %4.0f%%  %-30s %s%s%s", it.id(), it.state(),
                    100 * it.progress(), it.preset(), String.join(" ", it.overrides()),
                    it.runFolder() == null ? "" : "  -> " + it.runFolder().getFileName(),
                    it.error() == null ? "" : "  (" + it.error() + ")"));
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the pending items (interrupted ones first continue) until none is left; Ctrl-C stops "
                    + "the running ones after their current step, to continue on the next `queue run`.")
    static final class Run extends Sub {
        @Option(names = "--parallel", paramLabel = "N", description = "items at once (saved with the queue; default: "
                + "the queue's setting, at first half the cores)")
        Integer parallel;

        @picocli.CommandLine.Mixin
        ClusterArgs cluster = new ClusterArgs();

        @Override
        int refuse(PrintWriter err) {
            if (parallel != null && parallel < 1) {
                err.println(name() + ": --parallel must be >= 1, got " + parallel);
                return 2;
            }
            return -1;
        }

        @Override
        int body(RunQueue q, PrintWriter out, PrintWriter err) {
            String problem = cluster.problem();
            if (problem != null) {
                err.println(name() + ": " + problem);
                return 2;
            }
            if (!cluster.on()) {
                return runAll(q, out, err);
            }
            // every item's runs go to the cluster, one task each; --store: the home is on a shared path
            boolean shared = cluster.store != null;
            if (shared && !q.store().home().toAbsolutePath().normalize().equals(cluster.store.toAbsolutePath().normalize())) {
                err.println(name() + ": --store " + cluster.store + ": the queue's run folders are in its home "
                        + q.store().home() + "; give --home " + cluster.store + " --store " + cluster.store);
                return 2;
            }
            try (org.addernet.app.cluster.ClusterRunners on = new org.addernet.app.cluster.ClusterRunners(cluster.options(),
                    shared)) {
                try {
                    on.session();
                } catch (IllegalStateException | IllegalArgumentException e) {
                    err.println(name() + ": --cluster: " + e.getMessage());
                    return 2;
                }
                q.runOn(on);
                return runAll(q, out, err);
            }
        }

        private int runAll(RunQueue q, PrintWriter out, PrintWriter err) {
            if (parallel != null) {
                q.setParallel(parallel);
            }
            java.util.Map<String, String> seen = new java.util.HashMap<>();
            q.addListener((all, it) -> {                 // one line per change of state (or of folder)
                if (it == null) {
                    return;
                }
                String key = it.state() + " " + it.runFolder();
                if (key.equals(seen.put(it.id(), key))) {
                    return;
                }
                err.println(it.id() + " " + it.presetName() + ": " + it.state()
                        + (it.runFolder() == null ? "" : " (" + it.runFolder() + ")")
                        + (it.error() == null ? "" : ": " + it.error()));
            });
            Thread hook = new Thread(() -> q.shutdown(110_000));
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                q.start();
                while (!q.awaitIdle(1000)) {
                    // waiting; the listener reports
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // shutting down: the hook stops the runs
                }
            }
            print(q.items(), q.parallel(), out);
            return q.items().stream().allMatch(i -> i.state() == RunStatus.COMPLETED) ? 0 : 1;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a pending item.")
    static final class Cancel extends Sub {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int refuse(PrintWriter err) {
            return refuseUnknown(id, err);
        }

        @Override
        int body(RunQueue q, PrintWriter out, PrintWriter err) {
            return done(q.cancel(id), q, id, "it is not pending", err);
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Queue a failed or cancelled item again (toy: a new run folder; image: continues from its "
                    + "checkpoints, or a new folder with --fresh).")
    static final class Retry extends Sub {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--fresh", description = "start again in a new run folder")
        boolean fresh;

        @Override
        int refuse(PrintWriter err) {
            return refuseUnknown(id, err);
        }

        @Override
        int body(RunQueue q, PrintWriter out, PrintWriter err) {
            return done(q.retry(id, fresh), q, id, "only failed or cancelled items are retried", err);
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true, description = "Move an item by DELTA places (negative: "
            + "towards the front).")
    static final class Move extends Sub {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1", paramLabel = "DELTA")
        int delta;

        @Override
        int refuse(PrintWriter err) {
            return refuseUnknown(id, err);
        }

        @Override
        int body(RunQueue q, PrintWriter out, PrintWriter err) {
            return done(q.move(id, delta), q, id, "it is already at that end", err);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an item (its run folder stays).")
    static final class Remove extends Sub {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int refuse(PrintWriter err) {
            return refuseUnknown(id, err);
        }

        @Override
        int body(RunQueue q, PrintWriter out, PrintWriter err) {
            return done(q.remove(id), q, id, "it is running", err);
        }
    }

    private static int done(boolean ok, RunQueue q, String id, String why, PrintWriter err) {
        if (ok) {
            return 0;
        }
        err.println("workbench queue: " + id + ": " + (q.item(id) == null ? "no such item" : "nothing done: " + why));
        return 2;
    }
}
