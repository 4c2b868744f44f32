package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.io.RunFiles;
import org.addernet.app.testdata.FileOpsAdapter;
import org.addernet.presets.PresetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, class 5 (cryptic or wrong messages): non-UTF-8 bytes in run.json and metrics.csv name
 * the file and the byte; {@code --out} errors carry no Java class names; {@code --sweep}'s errors
 * say {@code --sweep}; a damaged checkpoint is one line and exit 2; an internal error is one line
 * pointing at a log that holds the trace.
 */
class MessageStyleTest {
    @TempDir
    Path tmp;

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void noJava(Cli r) {
        for (String s : List.of("Exception", "java.", "\tat ", "Input length")) {
            assertFalse(r.err().contains(s), "'" + s + "' in: " + r.err());
        }
    }

    @Test
    void aRunJsonThatIsNotUtf8NamesTheFileAndTheByte() throws IOException {
        Path folder = tmp.resolve("r");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(RunFiles.PRESET), PresetLoader.toJson(PresetLoader.resolve(
                "lenet5-bn-mnist-adder-short", List.of())));
        String text = "{\"seeds\": 1, \"preset\": \"caf\u00e9\"}\n";
        Files.write(folder.resolve(RunFiles.RUN_INFO), latin1(text));
        String expected = folder.resolve(RunFiles.RUN_INFO) + ":1: not UTF-8 at byte " + text.indexOf('\u00e9')
                + ": found the byte 0xE9, which is not UTF-8 text; save the file as UTF-8";

        Cli list = Cli.run("runs", folder.toString());
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains("damaged"), list.out());
        assertTrue(list.out().contains(expected), list.out());

        Cli resume = Cli.run("run", "--resume", folder.toString(), "--data", tmp.resolve("nodata").toString());
        assertEquals(2, resume.exit(), resume.err());
        assertEquals("workbench run: " + expected, resume.err().strip());
    }

    @Test
    void aTrainedFolderWhoseRunJsonIsDamagedIsNamedByFiltersAndWeights() throws IOException {
        Path folder = EpochFixture.oneEpoch(tmp, EpochFixture.data(tmp));
        String text = "{\"seeds\": 1, \"preset\": \"caf\u00e9\"}\n";
        Files.write(folder.resolve(RunFiles.RUN_INFO), latin1(text));
        String expected = folder.resolve(RunFiles.RUN_INFO) + ":1: not UTF-8 at byte " + text.indexOf('\u00e9')
                + ": found the byte 0xE9, which is not UTF-8 text; save the file as UTF-8";
        Cli filters = Cli.run("filters", "--out", tmp.resolve("f.png").toString(), folder.toString());
        assertEquals(2, filters.exit(), filters.err());
        assertEquals("workbench filters: " + expected, filters.err().strip());
        noJava(filters);
        Files.writeString(folder.resolve(RunFiles.RUN_INFO), "{\"seeds\": \"two\"}\n");
        Cli again = Cli.run("filters", "--out", tmp.resolve("f.png").toString(), folder.toString());
        assertEquals(2, again.exit(), "a seed count that is not one is not read as 1: " + again.err());
        assertTrue(again.err().startsWith("workbench filters: " + folder.resolve(RunFiles.RUN_INFO) + ":1:"), again.err());
        assertFalse(Files.exists(tmp.resolve("f.png")));
    }

    @Test
    void aMetricsCsvThatIsNotUtf8NamesTheFileAndTheByte() throws IOException {
        Path folder = tmp.resolve("c");
        Path csv = folder.resolve("lenet5-bn-cnn-s1").resolve(RunFiles.METRICS);
        Files.createDirectories(csv.getParent());
        String text = "epoch,iteration,loss,train_accuracy,test_accuracy,lr,p,seconds,images_per_second\n"
                + "1,10,0.5,0.8,0.7,0.1,1,2.0,100.0 \u00e9\n";
        Files.write(csv, latin1(text));
        Cli r = Cli.run("curves", "--out", tmp.resolve("c.png").toString(), folder.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("workbench curves: " + csv + ":2: not UTF-8 at byte " + text.indexOf('\u00e9')
                + ": found the byte 0xE9, which is not UTF-8 text; save the file as UTF-8", r.err().strip());
    }

    @Test
    void anOutThatCannotBeAFolderSaysWhyWithoutJava() throws IOException {
        Path file = tmp.resolve("plain-file");
        Files.writeString(file, "x");
        Cli r = Cli.run(OverwriteGuardTest.toy(file.resolve("sub")));
        assertEquals(2, r.exit(), r.err());
        noJava(r);
        assertEquals("workbench run: --out " + file.resolve("sub") + ": cannot make the folder: a part of the path is a "
                + "file, not a folder; choose a folder you can write", r.err().strip());

        Cli f = Cli.run(OverwriteGuardTest.toy(file));
        assertEquals(2, f.exit(), f.err());
        assertEquals("workbench run: --out " + file + ": is a file, not a folder; choose a folder (it is made when missing)",
                f.err().strip());
    }

    @Test
    void aSweepsBadValueIsCalledASweep() {
        Cli r = Cli.run("queue", "add", "--home", tmp.resolve("home").toString(), "fig2-unit-ball", "--sweep",
                "training.lr=0.1,fast");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("workbench queue add: --sweep training.lr=0.1,fast (value fast): training.lr: "),
                r.err());
        assertFalse(r.err().contains("--set"), r.err());
    }

    @Test
    void aDamagedCheckpointIsOneLineAndExitTwo() throws IOException {
        Path data = EpochFixture.data(tmp);
        Path out = EpochFixture.oneEpoch(tmp, data);
        Path ckpt = out.resolve(EpochFixture.RUN).resolve(RunFiles.CHECKPOINT);
        byte[] bytes = Files.readAllBytes(ckpt);
        Files.write(ckpt, Arrays.copyOf(bytes, bytes.length / 2));
        Cli r = Cli.run("run", "--resume", out.toString(), "--data", data.toString());
        assertEquals(2, r.exit(), r.err());
        noJava(r);
        String err = r.err().strip();
        assertEquals(1, err.split(java.util.regex.Pattern.quote(ckpt.toString()), -1).length - 1,
                "the checkpoint is named once: " + err);
        assertTrue(r.lastErrLine().startsWith("workbench run: " + ckpt + ": damaged or truncated"), r.lastErrLine());
        assertEquals(bytes.length / 2, Files.size(ckpt), "left for the user");
    }

    @Test
    void anInternalErrorIsOneLineAndItsTraceGoesToALog() throws IOException {
        Path out = tmp.resolve("crash");
        AtomicFiles.FileOps before = AtomicFiles.install(new FileOpsAdapter() {
            @Override
            public OutputStream create(Path file) throws IOException {
                if (file.getFileName().toString().startsWith("." + RunFiles.SUMMARY + ".")) {
                    throw new IllegalStateException("a bug in the writer");
                }
                return real.create(file);
            }
        });
        Cli r;
        try {
            r = Cli.run(OverwriteGuardTest.toy(out));
        } finally {
            AtomicFiles.install(before);
        }
        assertEquals(3, r.exit(), r.err());
        noJava(r);
        String last = r.lastErrLine();
        assertTrue(last.startsWith("workbench: internal error (a bug of the workbench: a broken state: a bug in the writer); "
                + "the details are in " + out.resolve(RunFiles.CRASH_LOG_PREFIX)), last);
        Path log = Path.of(last.substring(last.indexOf(" the details are in ") + 20).split(";")[0]);
        String trace = Files.readString(log);
        assertTrue(trace.contains("java.lang.IllegalStateException: a bug in the writer") && trace.contains("\tat "), trace);
    }
}
