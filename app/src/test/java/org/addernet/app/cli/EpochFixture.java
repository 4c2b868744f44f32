package org.addernet.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.addernet.app.testdata.SyntheticMnist;

/** A quick epoch run for the reliability tests: LeNet-5-BN (CNN) on 64 synthetic MNIST images, batch 32. */
final class EpochFixture {
    static final String PRESET = "lenet5-bn-mnist-adder-short";
    static final String RUN = "lenet5-bn-cnn-s1";

    private EpochFixture() {
    }

    static Path data(Path tmp) throws IOException {
        return SyntheticMnist.write(tmp.resolve("data"), 64, 32, 5);
    }

    /** A finished one-epoch run in {@code tmp/run} on {@link #data}; returns the folder. */
    static Path oneEpoch(Path tmp, Path data) {
        Path out = tmp.resolve("run");
        Cli r = Cli.run(run(out, data, 1));
        if (r.exit() != 0) {
            throw new AssertionError(r.err());
        }
        return out;
    }

    static String[] run(Path out, Path data, int epochs, String... more) {
        List<String> a = new ArrayList<>(List.of("run", PRESET, "--out", out.toString(), "--data", data.toString(),
                "--set", "training.batchSize=32", "--set", "training.epochs=" + epochs, "--set", "training.lr=0.05",
                "--set", "runs.models=[\"lenet5-bn-cnn\"]"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }
}
