package org.addernet.datasets.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzTest {
    @TempDir
    Path tmp;

    private static byte[] header(String name, long size, char type) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, h, 0, n.length);
        byte[] s = String.format("%011o", size).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(s, 0, h, 124, s.length);
        h[156] = (byte) type;
        return h;
    }

    private Path archive(String name, Object... entries) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int k = 0; k < entries.length; k += 2) {
            String n = (String) entries[k];
            byte[] data = (byte[]) entries[k + 1];
            raw.write(header(n, data == null ? 0 : data.length, data == null ? '5' : '0'));
            if (data != null) {
                raw.write(data);
                raw.write(new byte[(512 - data.length % 512) % 512]);
            }
        }
        raw.write(new byte[1024]);
        Path f = tmp.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(raw.toByteArray());
        }
        return f;
    }

    @Test
    void unpacksFoldersAndFilesByteForByte() throws IOException {
        byte[] a = new byte[1300];
        for (int k = 0; k < a.length; k++) {
            a[k] = (byte) (k * 7);
        }
        Path arc = archive("c.tar.gz", "cifar-10-batches-bin/", null, "cifar-10-batches-bin/data_batch_1.bin", a,
                "cifar-10-batches-bin/readme.html", "hi".getBytes(StandardCharsets.US_ASCII));
        Path out = tmp.resolve("root");
        List<Path> files = TarGz.extract(arc, out);
        assertEquals(2, files.size());
        assertArrayEquals(a, Files.readAllBytes(out.resolve("cifar-10-batches-bin/data_batch_1.bin")));
        assertEquals("hi", Files.readString(out.resolve("cifar-10-batches-bin/readme.html")));
    }

    @Test
    void refusesEntriesOutsideTheFolderAndTruncatedArchives() throws IOException {
        Path evil = archive("e.tar.gz", "../escape.txt", new byte[3]);
        DataFormatException e = assertThrows(DataFormatException.class, () -> TarGz.extract(evil, tmp.resolve("r")));
        assertTrue(e.getMessage().contains("'../escape.txt'"), e.getMessage());
        Path whole = archive("w.tar.gz", "f.bin", new byte[2000]);
        byte[] gz = Files.readAllBytes(whole);
        // re-compress only the first 700 bytes of the tar stream: the header promises 2000
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.write(header("f.bin", 2000, '0'));
        raw.write(new byte[188]);
        Path cut = tmp.resolve("cut.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(cut))) {
            out.write(raw.toByteArray());
        }
        assertTrue(gz.length > 0);
        DataFormatException t = assertThrows(DataFormatException.class, () -> TarGz.extract(cut, tmp.resolve("r2")));
        assertTrue(t.getMessage().contains("2000 bytes of 'f.bin'"), t.getMessage());
    }
}
