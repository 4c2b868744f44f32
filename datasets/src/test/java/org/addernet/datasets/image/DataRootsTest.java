package org.addernet.datasets.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void anIncompleteFolderIsSkipped() throws Exception {
        Fixtures.idxFolder(explicit.resolve("mnist"), 2, 1, false);
        Files.delete(explicit.resolve("mnist").resolve(ImageSet.TEST_LABELS));
        Fixtures.idxFolder(envRoot.resolve("mnist"), 2, 1, false);
        assertEquals(envRoot.resolve("mnist"), DataRoots.find("mnist", explicit, env(), home, debian));
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
                () -> DataRoots.find("fashion-mnist", explicit, env(), home, debian));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.startsWith("data set fashion-mnist not found; searched: --data "
                + explicit.resolve("fashion-mnist") + " (no such folder); $ADDERNET_DATA "
                + envRoot.resolve("fashion-mnist") + " (lacks train-images-idx3-ubyte[.gz]); "
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
