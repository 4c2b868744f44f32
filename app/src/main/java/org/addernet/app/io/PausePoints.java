package org.addernet.app.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The fault-injection points of {@link AtomicFiles} for tests that kill a process at an exact
 * place of a write: {@code -Daddernet.test.pauseAt=NAME@N:PHASE[,NAME@N:PHASE...]} and
 * {@code -Daddernet.test.pauseMarker=FILE}. Unset (always, outside those tests) they cost one
 * map lookup per write.
 */
final class PausePoints {
    static final String PROPERTY = "addernet.test.pauseAt";
    static final String MARKER = "addernet.test.pauseMarker";

    /** NAME -> the write numbers and phases asked for. */
    private static final Map<String, Set<String>> WANTED = parse(System.getProperty(PROPERTY));
    private static final Map<String, Integer> COUNT = new HashMap<>();

    private PausePoints() {
    }

    /** Where write {@code N} of a file may stop. */
    static final class Point {
        private final String name;
        private final int n;
        private final Set<String> phases;

        Point(String name, int n, Set<String> phases) {
            this.name = name;
            this.n = n;
            this.phases = phases;
        }

        /** Stops this thread for good at {@code phase} when asked to, after writing the marker file. */
        void reach(String phase) {
            if (!phases.contains(phase)) {
                return;
            }
            String marker = System.getProperty(MARKER);
            try {
                if (marker != null) {
                    Path m = Path.of(marker);
                    Path tmp = m.resolveSibling(m.getFileName() + ".part");
                    Files.writeString(tmp, name + "@" + n + ":" + phase + " pid " + ProcessHandle.current().pid() + "\n",
                            StandardCharsets.UTF_8);
                    Files.move(tmp, m);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the pause marker " + marker, e);
            }
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // paused for good: the test kills the process here
                }
            }
        }
    }

    /** The pause point of the next write of a file named {@code name}, or null (almost always). */
    static Point next(String name) {
        if (WANTED.isEmpty() || !WANTED.containsKey(name)) {
            return null;
        }
        int n;
        synchronized (COUNT) {
            n = COUNT.merge(name, 1, Integer::sum);
        }
        Set<String> phases = new HashSet<>();
        for (String w : WANTED.get(name)) {
            String[] p = w.split(":");
            if (Integer.parseInt(p[0]) == n) {
                phases.add(p[1]);
            }
        }
        return phases.isEmpty() ? null : new Point(name, n, phases);
    }

    private static Map<String, Set<String>> parse(String spec) {
        Map<String, Set<String>> m = new HashMap<>();
        if (spec == null || spec.isBlank()) {
            return m;
        }
        for (String part : spec.split(",")) {
            int at = part.lastIndexOf('@');
            String[] np = part.substring(at + 1).split(":");
            if (at < 1 || np.length != 2 || !Set.of("open", "half", "written", "renamed").contains(np[1])) {
                throw new IllegalArgumentException(PROPERTY + ": expected NAME@N:open|half|written|renamed, got " + part);
            }
            Integer.parseInt(np[0]);
            m.computeIfAbsent(part.substring(0, at), k -> new HashSet<>()).add(np[0] + ":" + np[1]);
        }
        return m;
    }
}
