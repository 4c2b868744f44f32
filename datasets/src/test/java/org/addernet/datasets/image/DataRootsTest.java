package org.addernet.datasets.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRootsTest {
    @TempDir
    Path tmp;
    Path explicit;
    Path envRoot;
    Path home;
    Path debian;

    @BeforeEach
    void roots() {
        explicit = tmp.resolve("explicit");
        envRoot = tmp.resolve("env");
        home = tmp.resolve("home");
        debian = tmp.resolve("usr-share-datasets-fashion-mnist");
    }

    private Map<String, String> env() {
        return Map.of(DataRoots.ENV_DATA, envRoot.toString());
    }

    @Test
    void explicitBeatsEnvironmentBeatsHome() throws Exception {
        Fixtures.idxFolder(explicit.resolve("mnist"), 2, 1, true);
        Fixtures.idxFolder(envRoot.resolve("mnist"), 2, 1, false);
        Fixtures.idxFolder(home.resolve(".addernet/data/mnist"), 2, 1, true);
        assertEquals(explicit.resolve("mnist"), DataRoots.find("mnist", explicit, env(), home, debian));
        assertEquals(envRoot.resolve("mnist"), DataRoots.find("mnist", null, env(), home, debian));
        assertEquals(home.resolve(".addernet/data/mnist"),
                DataRoots.find("mnist", null, Map.of(DataRoots.ENV_DATA, " "), home, debian));
    }

    /** The message of the refusal to use {@code explicitRoot} for {@code set} (no fallback). */
    private String refusal(String set, Path explicitRoot, Map<String, String> env) {
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> DataRoots.find(set, explicitRoot, env, home, debian));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void anExplicitRootMissingAFileIsRefusedNamingTheFile() throws Exception {
        // before: the incomplete --data folder was passed over and $ADDERNET_DATA's (or Debian's) copy read instead
        Fixtures.idxFolder(explicit.resolve("fashion-mnist"), 2, 1, false);
        Files.delete(explicit.resolve("fashion-mnist").resolve(ImageSet.TEST_LABELS));
        Fixtures.idxFolder(envRoot.resolve("fashion-mnist"), 2, 1, false);
        Fixtures.idxFolder(debian, 2, 1, true);
        assertEquals("data set fashion-mnist in --data " + explicit + ": " + explicit.resolve("fashion-mnist") + " lacks t10k-labels-idx1-ubyte[.gz]"
                + "; a data root named on purpose is used or refused, never passed over; get it with `./workbench "
                + "download fashion-mnist --data " + explicit + "` or `apt-get install dataset-fashion-mnist`",
                refusal("fashion-mnist", explicit, env()));
    }

    @Test
    void aFolderWhereAFileShouldBeIsNamed() throws Exception {
        Fixtures.idxFolder(explicit.resolve("mnist"), 2, 1, false);
        Files.delete(explicit.resolve("mnist").resolve(ImageSet.TRAIN_IMAGES));
        Files.createDirectory(explicit.resolve("mnist").resolve(ImageSet.TRAIN_IMAGES));
        String m = refusal("mnist", explicit, Map.of());
        assertTrue(m.startsWith("data set mnist in --data " + explicit + ": " + explicit.resolve("mnist").resolve(ImageSet.TRAIN_IMAGES)
                + " is a folder, expected the file train-images-idx3-ubyte[.gz]; "), m);
        Files.delete(explicit.resolve("mnist").resolve(ImageSet.TRAIN_IMAGES));     // the same for the .gz name
        Files.createDirectory(explicit.resolve("mnist").resolve(ImageSet.TRAIN_IMAGES + ".gz"));
        m = refusal("mnist", explicit, Map.of());
        assertTrue(m.startsWith("data set mnist in --data " + explicit + ": " + explicit.resolve("mnist").resolve(
                ImageSet.TRAIN_IMAGES + ".gz") + " is a folder, expected the file train-images-idx3-ubyte[.gz]; "), m);
    }

    @Test
    void anExplicitRootWithoutTheSetsFolderIsRefusedAndTheDebianCopyNotRead() throws Exception {
        Fixtures.idxFolder(debian, 2, 1, true);
        Files.createDirectories(explicit);
        String m = refusal("fashion-mnist", explicit, Map.of());
        assertTrue(m.startsWith("data set fashion-mnist in --data " + explicit + ": no folder fashion-mnist/ in it (expected " + explicit.resolve(
                "fashion-mnist") + " holding train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], "
                + "t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]); "), m);
        assertTrue(refusal("fashion-mnist", tmp.resolve("nowhere"), Map.of())
                .startsWith("data set fashion-mnist in --data " + tmp.resolve("nowhere") + ": no such folder; "));
    }

    @Test
    void aRootHoldingTheFilesThemselvesSaysToNameItsParent() throws Exception {
        Path root = tmp.resolve("datasets").resolve("fashion-mnist");
        Fixtures.idxFolder(root, 2, 1, true);
        String m = refusal("fashion-mnist", root, Map.of());
        assertTrue(m.contains(": it holds the set's files itself; name the folder above it: --data " + root.getParent()), m);
        assertEquals(root, DataRoots.find("fashion-mnist", root.getParent(), Map.of(), home, debian));
    }

    @Test
    void theEnvironmentsRootIsBindingToo() throws Exception {
        Fixtures.idxFolder(debian, 2, 1, true);
        Files.createDirectories(envRoot);
        assertTrue(refusal("fashion-mnist", null, env()).startsWith("data set fashion-mnist in $ADDERNET_DATA " + envRoot + ": no folder fashion-mnist/"));
    }

    @Test
    void cifarBatchesAreCheckedOneByOne() throws Exception {
        Path folder = explicit.resolve("cifar-10-batches-bin");
        for (String name : ImageSet.CIFAR_10.trainFiles()) {
            Fixtures.write(folder.resolve(name), Fixtures.cifar(new int[][] {{1}}));
        }
        Fixtures.write(folder.resolve("test_batch.bin"), Fixtures.cifar(new int[][] {{4}}));
        Files.delete(folder.resolve("data_batch_3.bin"));
        assertTrue(refusal("cifar-10", explicit, Map.of()).startsWith("data set cifar-10 in --data " + explicit + ": " + folder
                + " lacks data_batch_3.bin; "));
        Files.delete(folder.resolve("data_batch_1.bin"));
        Files.createDirectory(folder.resolve("data_batch_1.bin"));
        assertTrue(refusal("cifar-10", explicit, Map.of()).startsWith("data set cifar-10 in --data " + explicit + ": " + folder
                + " lacks data_batch_3.bin, and " + folder.resolve("data_batch_1.bin") + " is a folder"), "both named");
    }

    @Test
    void anArchiveNotUnpackedIsPointedOut() throws Exception {
        Fixtures.write(explicit.resolve("cifar-10-binary.tar.gz"), new byte[10]);
        assertTrue(refusal("cifar-10", explicit, Map.of()).contains("; unpack " + explicit.resolve("cifar-10-binary.tar.gz")
                + " there (it makes cifar-10-batches-bin/)"));
    }

    @Test
    void everyFallbackAmongTheImplicitRootsIsReported() throws Exception {
        Fixtures.idxFolder(debian, 2, 1, true);
        DataRoots.Location none = DataRoots.locate("fashion-mnist", null, Map.of(), home, debian);
        assertEquals(debian, none.folder());
        assertEquals(List.of("fashion-mnist: not in " + home.resolve(".addernet/data") + " (no folder fashion-mnist/); "
                + "reading Debian's dataset-fashion-mnist from " + debian), none.notes());
        Fixtures.idxFolder(home.resolve(".addernet/data/fashion-mnist"), 2, 1, false);
        Files.delete(home.resolve(".addernet/data/fashion-mnist").resolve(ImageSet.TRAIN_LABELS));
        DataRoots.Location partial = DataRoots.locate("fashion-mnist", null, Map.of(), home, debian);
        assertEquals(List.of("fashion-mnist: " + home.resolve(".addernet/data/fashion-mnist") + " lacks "
                + "train-labels-idx1-ubyte[.gz]; reading Debian's dataset-fashion-mnist from " + debian), partial.notes());
        Fixtures.idxFolder(home.resolve(".addernet/data/fashion-mnist"), 2, 1, false);
        assertEquals(List.of(), DataRoots.locate("fashion-mnist", null, Map.of(), home, debian).notes());
    }

    @Test
    void theWorkbenchHomeOfTheEnvironmentHoldsTheDefaultRoot() throws Exception {
        Path wb = tmp.resolve("wb-home");
        Map<String, String> env = Map.of(DataRoots.ENV_HOME, wb.toString());
        assertEquals(wb.resolve("data"), DataRoots.defaultRoot(env, home));
        assertEquals(home.resolve(".addernet").resolve("data"), DataRoots.defaultRoot(Map.of(), home));
        Fixtures.idxFolder(wb.resolve("data/mnist"), 2, 1, false);
        Fixtures.idxFolder(home.resolve(".addernet/data/mnist"), 2, 1, false);
        assertEquals(wb.resolve("data/mnist"), DataRoots.find("mnist", null, env, home, debian));
    }

    @Test
    void fashionMnistFallsBackToTheDebianFolderButMnistDoesNot() throws Exception {
        Fixtures.idxFolder(debian, 2, 1, true);
        assertEquals(debian, DataRoots.find("fashion-mnist", null, Map.of(), home, debian));
        assertThrows(FileNotFoundException.class,
                () -> DataRoots.find("mnist", null, Map.of(), home, debian));
        Fixtures.idxFolder(home.resolve(".addernet/data/fashion-mnist"), 2, 1, true);
        assertEquals(home.resolve(".addernet/data/fashion-mnist"),
                DataRoots.find("fashion-mnist", null, Map.of(), home, debian));
    }

    @Test
    void notFoundListsEveryPlaceAndHowToGetTheSetOnOneLine() throws Exception {
        Fixtures.idxFolder(envRoot.resolve("fashion-mnist"), 2, 1, true);
        Files.delete(envRoot.resolve("fashion-mnist").resolve(ImageSet.TRAIN_IMAGES + ".gz"));
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> DataRoots.find("fashion-mnist", null, env(), home, debian));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.startsWith("data set fashion-mnist in $ADDERNET_DATA " + envRoot + ": " + envRoot.resolve("fashion-mnist")
                + " lacks train-images-idx3-ubyte[.gz]; "), m);
        e = assertThrows(FileNotFoundException.class, () -> DataRoots.find("fashion-mnist", null, Map.of(), home, debian));
        m = e.getMessage();
        assertTrue(m.startsWith("data set fashion-mnist not found; searched: --data (not given); $ADDERNET_DATA (not set); "
                + "~/.addernet/data " + home.resolve(".addernet/data/fashion-mnist")
                + " (no such folder); dataset-fashion-mnist " + debian + " (no such folder); "), m);
        assertTrue(m.endsWith("get it with `./workbench download fashion-mnist` or "
                + "`apt-get install dataset-fashion-mnist`"), m);
    }

    @Test
    void notFoundSaysWhatWasNotGivenAndHowToGetCifar() {
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> DataRoots.find("cifar-10", null, Map.of(), home, debian));
        String m = e.getMessage();
        assertTrue(m.contains("--data (not given); $ADDERNET_DATA (not set); ~/.addernet/data "), m);
        assertTrue(m.contains("./workbench download cifar-10"), m);
        assertFalse(m.contains("dataset-fashion-mnist"), m);
    }

    @Test
    void unknownSetIdListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataRoots.find("imagenet", null, Map.of(), home, debian));
        assertEquals("unknown data set 'imagenet', expected one of mnist, fashion-mnist, cifar-10,"
                + " cifar-100", e.getMessage());
    }

    @Test
    void loadReadsBothPartsOfAnIdxFolder() throws Exception {
        Path folder = explicit.resolve("mnist");
        Fixtures.idxFolder(folder, 5, 3, false);
        TrainTest tt = DataRoots.load(ImageSet.MNIST, folder);
        assertEquals(5, tt.train().size());
        assertEquals(3, tt.test().size());
        assertEquals(4, tt.train().dim());
        assertEquals(3, tt.test().label(0));
    }

    @Test
    void loadReadsTheFiveCifar10BatchesAndTheTestBatch() throws Exception {
        Path folder = explicit.resolve("cifar-10-batches-bin");
        for (String name : ImageSet.CIFAR_10.trainFiles()) {
            Fixtures.write(folder.resolve(name), Fixtures.cifar(new int[][] {{1}, {2}}));
        }
        Fixtures.write(folder.resolve("test_batch.bin"), Fixtures.cifar(new int[][] {{4}}));
        assertEquals(folder, DataRoots.find("cifar-10", explicit, Map.of(), home, debian));
        TrainTest tt = DataRoots.load(ImageSet.CIFAR_10, folder);
        assertEquals(10, tt.train().size());
        assertEquals(1, tt.test().size());
        assertEquals(3072, tt.test().dim());
    }

    @Test
    void rawFileIsPreferredAndGzipAccepted() {
        Path folder = tmp.resolve("f");
        Fixtures.write(folder.resolve("a.gz"), new byte[1]);
        assertEquals(folder.resolve("a.gz"), DataRoots.file(folder, "a"));
        Fixtures.write(folder.resolve("a"), new byte[1]);
        assertEquals(folder.resolve("a"), DataRoots.file(folder, "a"));
        assertEquals(folder.resolve("b"), DataRoots.file(folder, "b"));
    }
}
