package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.addernet.app.io.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, class 6 (side effects of reading): {@code queue list} makes nothing, an export to a
 * folder that does not exist is refused without making it, {@code download} goes into
 * {@code $ADDERNET_HOME/data}, and absurd numbers in a run folder make it damaged, the field named.
 */
class ReadOnlyCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void queueListMakesNothing() {
        Path home = tmp.resolve("nohome");
        Cli r = Cli.run("queue", "list", "--home", home.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("parallel " + org.addernet.app.store.RunQueue.defaultParallel() + ", 0 items", r.out().strip());
        assertFalse(Files.exists(home), "no home, no queue.json, no queue.lock");
    }

    @Test
    void aRefusedQueueCommandMakesNothing() throws IOException {
        Path home = tmp.resolve("fresh-home");
        String[][] refused = {
            {"add", "no-such-preset"},
            {"add", "fig2-unit-ball", "--set", "training.iterations=abc"},
            {"add", "fig2-unit-ball", "--set", "no.such.key=1"},
            {"add", "fig2-unit-ball", "--sweep", "training.lr=0.1,-1"},
            {"add", "fig2-unit-ball", "--sweep", "training.lr"},
            {"add", "fig2-unit-ball", "--seeds", "0"},
            {"add", "fig2-unit-ball", "--seeds", "1000000000"},
            {"add", "fig4-xor", "no-such-preset"},                 // the first is fine, the second is not: neither is added
            {"cancel", "q1"}, {"retry", "q1"}, {"move", "q1", "1"}, {"remove", "q1"},
            {"run", "--parallel", "0"},
        };
        String before = System.getProperty("addernet.home");
        System.setProperty("addernet.home", home.toString());        // as ADDERNET_HOME names it
        try {
            for (String[] c : refused) {
                String[] args = new String[c.length + 1];
                args[0] = "queue";
                System.arraycopy(c, 0, args, 1, c.length);
                Cli r = Cli.run(args);
                String what = String.join(" ", args);
                assertEquals(2, r.exit(), what + ": " + r.err());
                assertTrue(r.err().startsWith("workbench queue"), what + ": " + r.err());
                assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), what + ": " + r.err());
                assertFalse(Files.exists(home), what + ": made " + home);
            }
            Files.createDirectories(home);                             // an empty home stays empty
            for (String[] c : refused) {
                String[] args = new String[c.length + 1];
                args[0] = "queue";
                System.arraycopy(c, 0, args, 1, c.length);
                assertEquals(2, Cli.run(args).exit());
                try (var files = Files.list(home)) {
                    assertEquals(List.of(), files.toList(), String.join(" ", args));
                }
            }
        } finally {
            restore("addernet.home", before);
        }
    }

    @Test
    void anExportIntoAMissingFolderIsRefusedWithoutMakingIt() {
        Path home = tmp.resolve("home");
        assertEquals(0, Cli.run(OverwriteGuardTest.toy(home.resolve("runs").resolve("r1"))).exit());
        Path missing = tmp.resolve("nonexistent");
        for (String opt : new String[] {"--csv", "--latex", "--png"}) {
            Path target = missing.resolve("dir").resolve("t.out");
            Cli r = Cli.run("runs", "--home", home.toString(), opt, target.toString());
            assertEquals(2, r.exit(), r.err());
            assertEquals("workbench runs: " + opt + " " + target + ": the folder " + target.getParent()
                    + " does not exist; make it first, or choose another file", r.err().strip());
            assertFalse(Files.exists(missing), "nothing made");
        }
    }

    @Test
    void downloadGoesIntoTheHomesDataFolder() throws IOException {
        Path home = tmp.resolve("wb");
        Files.createDirectories(home);
        Files.writeString(home.resolve("data"), "a file where the data folder goes: the download stops at once");
        Path user = tmp.resolve("user");
        Files.createDirectories(user);
        Files.writeString(user.resolve(".addernet"), "blocks ~/.addernet");
        String homeBefore = System.getProperty("addernet.home");
        String userBefore = System.getProperty("user.home");
        System.setProperty("addernet.home", home.toString());
        System.setProperty("user.home", user.toString());
        Cli r;
        try {
            r = Cli.run("download", "fashion-mnist");
        } finally {
            restore("addernet.home", homeBefore);
            restore("user.home", userBefore);
        }
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(home.resolve("data").toString()), r.err());
        assertFalse(r.err().contains(user.toString()), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void absurdNumbersInARunFolderMakeItDamagedWithTheFieldNamed() throws IOException {
        String[][] cases = {
            {"\"testAccuracy\": 1e999", "runs[0].testAccuracy: expected a number in [0, 1], got 1e999"},
            {"\"testAccuracy\": 1.5", "runs[0].testAccuracy: expected a number in [0, 1], got 1.5"},
            {"\"seconds\": -3", "runs[0].seconds: expected a number >= 0, got -3"},
            {"\"iterations\": -1", "runs[0].iterations: expected a whole number >= 0, got -1"},
            {"\"finalLoss\": NaN", "not valid JSON: NaN and infinite values are not numbers in JSON"},
        };
        for (int k = 0; k < cases.length; k++) {
            Path folder = tmp.resolve("absurd" + k);
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(RunFiles.SUMMARY), "{\"preset\": \"fig2-unit-ball\", \"runs\": [{\"id\": "
                    + "\"mlp-n1-s1\", \"model\": \"mlp\", \"hidden\": 1, \"seed\": 1, \"status\": \"completed\", "
                    + "\"trainAccuracy\": 0.9, " + cases[k][0] + "}]}\n");
            Cli r = Cli.run("runs", folder.toString());
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains(" damaged "), r.out());
            assertTrue(r.out().contains(folder.resolve(RunFiles.SUMMARY) + ":1:"), r.out());
            assertTrue(r.out().contains(cases[k][1]), cases[k][0] + " -> " + r.out());
            assertFalse(r.out().contains("Infinity"), r.out());
        }
    }
}
