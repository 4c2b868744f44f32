package org.addernet.app.ui.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.addernet.app.store.RunInfo;
import org.addernet.app.store.RunStore;

/**
 * Where the analyses' folder choosers open and what a tab shows before a folder is chosen: the
 * run store of the default home, and its newest run folder of a kind (an image run with
 * checkpoints, a Fig. 1 run).
 */
final class RunFolders {
    private RunFolders() {
    }

    /** The default home's run folders, where a chooser opens (null when there is none yet). */
    static Path runsDir() {
        try {
            Path d = RunStore.atDefaultHome().runsDir();
            return Files.isDirectory(d) ? d : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The newest readable folder of {@code store} that {@code wanted} accepts, or null (reads the store: off the FX thread). */
    static Path newest(RunStore store, Predicate<RunInfo> wanted) {
        for (RunInfo r : store.list()) {            // newest first
            if (!r.isDamaged() && !r.runs().isEmpty() && wanted.test(r)) {
                return r.folder();
            }
        }
        return null;
    }

    /** An epoch run whose models have convolution filters to draw (LeNet, ResNet, VGG). */
    static boolean imageRun(RunInfo r) {
        return org.addernet.app.store.RunManifest.IMAGE.equals(r.kind()) && r.models().stream().anyMatch(m -> !m.startsWith("lenetpp"));
    }

    /** A run of Fig. 1's LeNet++ (2-D features). */
    static boolean featuresRun(RunInfo r) {
        return r.models().stream().anyMatch(m -> m.startsWith("lenetpp"));
    }
}
