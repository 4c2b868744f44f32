package org.addernet.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.addernet.app.io.IoText;
import org.addernet.app.io.WorkbenchEnv;
import org.addernet.datasets.image.DataRoots;
import org.addernet.datasets.image.Downloader;
import org.addernet.datasets.image.ImageSet;
import org.addernet.datasets.image.Source;
import org.addernet.datasets.image.Sources;
import org.addernet.datasets.image.TarGz;
import org.addernet.datasets.image.TrainTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code workbench download SET [--data DIR]}: fetches a missing image set from its canonical
 * address, verifies each file's SHA-256 (resuming a partial download), unpacks CIFAR's archives,
 * and checks that the set then reads.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download an image data set (mnist, fashion-mnist, cifar-10, cifar-100) with checksum verification.")
public final class DownloadCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SET", description = "mnist, fashion-mnist, cifar-10 or cifar-100")
    String set;

    @Option(names = "--data", paramLabel = "DIR", description = "data root to download into (default: $ADDERNET_HOME/data, "
            + "ADDERNET_HOME defaulting to ~/.addernet)")
    Path data;

    @picocli.CommandLine.ParentCommand
    WorkbenchCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var err = parent.err;
        ImageSet s;
        try {
            s = ImageSet.of(set);
        } catch (IllegalArgumentException e) {
            err.println("workbench download: " + IoText.message(e));
            return 2;
        }
        Path root = data != null ? data : DataRoots.defaultRoot(WorkbenchEnv.env(), WorkbenchEnv.userHome());
        try {
            Files.createDirectories(root);     // a root that cannot be made: said at once, before any download
        } catch (IOException e) {
            err.println("workbench download: cannot make the data root " + root + ": " + IoText.reason(e)
                    + "; choose a data root you can write with --data DIR");
            return 1;
        }
        Downloader downloader = new Downloader();
        try {
            for (Source src : Sources.forSet(s)) {
                long[] shown = {-1};
                Path file = downloader.download(src, root, (done, total) -> {
                    long pct = total > 0 ? done * 100 / total : -1;
                    if (pct != shown[0] && (pct < 0 || pct % 10 == 0)) {
                        shown[0] = pct;
                        err.printf(Locale.ROOT, "  %s: %s%n", src.fileName(),
                                pct < 0 ? (done >> 20) + " MiB" : pct + " % of " + (total >> 20) + " MiB");
                    }
                });
                if (src.isArchive()) {
                    err.println("  unpacking " + file.getFileName());
                    TarGz.extract(file, root);
                    Files.deleteIfExists(file);
                }
            }
            TrainTest tt = DataRoots.load(s, root.resolve(s.folder()));
            out.printf(Locale.ROOT, "%s: %d training and %d test images in %s%n", s.id(), tt.train().size(),
                    tt.test().size(), root.resolve(s.folder()));
            return 0;
        } catch (java.nio.file.FileSystemException e) {          // the data root cannot be made or written
            err.println("workbench download: cannot write into " + root + ": " + (e.getFile() == null ? "" : e.getFile() + ": ")
                    + IoText.reason(e));
            return 1;
        } catch (IOException e) {
            err.println("workbench download: " + IoText.message(e));
            return 1;
        }
    }
}
