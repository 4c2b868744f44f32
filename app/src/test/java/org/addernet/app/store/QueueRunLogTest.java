package org.addernet.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.io.RunFiles;
import org.addernet.app.testdata.FileOpsAdapter;
import org.addernet.engine.train.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, class 3, for the one file a run appends to as it goes: a queue item's {@code run.log}.
 * The log is not a result, so a log that cannot be opened or that stops taking lines (no
 * permission, a full disk) neither fails the item nor passes in silence (a PrintStream swallows
 * its errors): one warning line on stderr names the file and why, once, and the run completes
 * with every result written.
 */
class QueueRunLogTest {
    @TempDir
    Path tmp;

    /** Runs one tiny toy item with {@code ops} installed; returns what went to stderr. */
    private String runOneItem(Path home, AtomicFiles.FileOps ops) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        AtomicFiles.FileOps opsBefore = AtomicFiles.install(ops);
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (RunQueue q = RunQueue.open(new RunStore(home), "cli")) {
            q.add("fig2-unit-ball", RunQueueTest.TINY, 1, null);
            q.start();
            assertTrue(q.awaitIdle(120_000));
            QueueItem it = q.items().get(0);
            assertEquals(RunStatus.COMPLETED, it.state(), it.toString());
            assertNull(it.error(), it.toString());
            for (String f : List.of(RunFiles.SUMMARY, RunFiles.RUN_INFO, RunFiles.GRID)) {
                assertTrue(Files.size(it.runFolder().resolve(f)) > 0, f + " written");
            }
        } finally {
            System.setErr(before);
            AtomicFiles.install(opsBefore);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    private static void oneWarningNaming(String err, Path log, String why) {
        List<String> lines = err.lines().filter(l -> l.contains(RunFiles.LOG)).toList();
        assertEquals(1, lines.size(), "said once: " + err);
        assertTrue(lines.get(0).startsWith("workbench: warning: cannot write "), lines.get(0));
        assertTrue(lines.get(0).contains(log + ": " + why + "; the run goes on"), lines.get(0));
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }

    private static Path onlyRunFolder(Path home) throws IOException {
        try (var s = Files.list(home.resolve(RunStore.RUNS))) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0).toAbsolutePath();
        }
    }

    @Test
    void aRunLogThatCannotBeOpenedIsSaidOnceAndTheItemCompletes() throws Exception {
        Path home = tmp.resolve("home");
        String err = runOneItem(home, new FileOpsAdapter() {
            @Override
            public OutputStream append(Path file) throws IOException {
                throw new AccessDeniedException(file.toString());      // a run.log made read-only by its user
            }
        });
        oneWarningNaming(err, onlyRunFolder(home).resolve(RunFiles.LOG), "permission denied");
    }

    @Test
    void aRunLogThatStopsTakingLinesKeepsWhatItHasAndIsSaidOnce() throws Exception {
        Path home = tmp.resolve("home");
        String err = runOneItem(home, new FileOpsAdapter() {
            @Override
            public OutputStream append(Path file) throws IOException {
                return new FilterOutputStream(real.append(file)) {
                    private int lines;

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (lines >= 1) {                   // the disk fills after the first line
                            throw new IOException("No space left on device");
                        }
                        out.write(b, off, len);
                        for (int i = off; i < off + len; i++) {
                            lines += b[i] == '\n' ? 1 : 0;
                        }
                    }
                };
            }
        });
        Path log = onlyRunFolder(home).resolve(RunFiles.LOG);
        oneWarningNaming(err, log, "no space left on device");
        List<String> kept = Files.readAllLines(log);
        assertEquals(1, kept.size(), kept.toString());
        assertTrue(kept.get(0).startsWith("# ") && kept.get(0).contains("queue item q1 starts"), kept.toString());
    }
}
