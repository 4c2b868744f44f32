package org.addernet.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task's folder travels home as zip bytes and lands whole, or not at all. */
class FolderZipTest {
    @Test
    void aFolderComesBackWithEveryFileAndNoTemporaryOnes(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("task");
        Files.createDirectories(src.resolve("adder-n1-s1"));
        Files.writeString(src.resolve("summary.json"), "{}");
        Files.write(src.resolve("adder-n1-s1").resolve("metrics.csv"), new byte[] {1, 2, 3});
        Files.writeString(src.resolve(".summary.json.1f.tmp"), "half");
        Path back = tmp.resolve("home").resolve("s1");
        Files.createDirectories(back.getParent());
        FolderZip.unzipAtomically(FolderZip.zip(src), back);
        assertEquals("{}", Files.readString(back.resolve("summary.json")));
        assertEquals(3, Files.size(back.resolve("adder-n1-s1").resolve("metrics.csv")));
        assertFalse(Files.exists(back.resolve(".summary.json.1f.tmp")));
        try (var s = Files.list(back.getParent())) {
            assertEquals(1, s.count(), "nothing left beside it");
        }
    }

    @Test
    void anEntryOutsideTheFolderIsRefusedAndNothingIsWritten(@TempDir Path tmp) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("ok.txt"));
            z.write('x');
            z.putNextEntry(new ZipEntry("../escaped.txt"));
            z.write('y');
        }
        Path target = tmp.resolve("s1");
        IOException e = assertThrows(IOException.class, () -> FolderZip.unzipAtomically(bytes.toByteArray(), target));
        assertTrue(e.getMessage().contains("../escaped.txt"), e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(tmp.resolve("escaped.txt")));
        try (var s = Files.list(tmp)) {
            assertEquals(0, s.count(), "no temporary folder left");
        }
    }
}
