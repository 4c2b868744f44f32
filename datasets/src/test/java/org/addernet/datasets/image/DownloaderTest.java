package org.addernet.datasets.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a loopback server: /honours (Range supported), /ignores (Range ignored), 404s. */
class DownloaderTest {
    private static final byte[] BODY = new byte[200_000];
    private static final String SHA;

    static {
        new SplittableRandom(1).nextBytes(BODY);
        try {
            SHA = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BODY));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @TempDir
    Path dir;
    HttpServer server;
    /** "path range-header-or-none status bytes-sent" for every request. */
    final List<String> log = new CopyOnWriteArrayList<>();
    final Downloader downloader = new Downloader();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/honours/", ex -> serve(ex, true));
        server.createContext("/ignores/", ex -> serve(ex, false));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange ex, boolean honourRange) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        int from = 0;
        int status = 200;
        if (honourRange && range != null) {
            from = Integer.parseInt(range.replace("bytes=", "").replace("-", ""));
            status = from >= BODY.length ? 416 : 206;
            ex.getResponseHeaders().add("Content-Range", status == 416 ? "bytes */" + BODY.length
                    : "bytes " + from + "-" + (BODY.length - 1) + "/" + BODY.length);
        }
        int sent = status == 416 ? 0 : BODY.length - from;
        log.add(ex.getRequestURI().getPath() + " " + range + " " + status + " " + sent);
        ex.sendResponseHeaders(status, sent == 0 ? -1 : sent);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(BODY, from, sent);
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void fullDownloadIsVerifiedRenamedAndReportsProgress() throws Exception {
        Path target = dir.resolve("sub/file.gz");
        List<long[]> calls = new ArrayList<>();
        Path got = downloader.download(url("/honours/file.gz"), target, SHA, BODY.length,
                (done, total) -> calls.add(new long[] {done, total}));
        assertEquals(target, got);
        assertArrayEquals(BODY, Files.readAllBytes(target));
        assertFalse(Files.exists(dir.resolve("sub/file.gz.part")));
        assertArrayEquals(new long[] {0, BODY.length}, calls.get(0));
        assertArrayEquals(new long[] {BODY.length, BODY.length}, calls.get(calls.size() - 1));
        assertEquals(List.of("/honours/file.gz null 200 200000"), log);
    }

    @Test
    void partialFileIsResumedWithARangeRequest() throws Exception {
        Path target = dir.resolve("file.gz");
        Files.write(dir.resolve("file.gz.part"), Arrays.copyOf(BODY, 70_000));
        List<Long> done = new ArrayList<>();
        downloader.download(url("/honours/file.gz"), target, SHA, BODY.length,
                (d, total) -> done.add(d));
        assertArrayEquals(BODY, Files.readAllBytes(target));
        assertEquals(List.of("/honours/file.gz bytes=70000- 206 130000"), log);
        assertEquals(70_000L, done.get(0));
    }

    @Test
    void serverIgnoringRangeRestartsTheFile() throws Exception {
        Path target = dir.resolve("file.gz");
        Files.write(dir.resolve("file.gz.part"), new byte[70_000]);   // wrong bytes: must go
        downloader.download(url("/ignores/file.gz"), target, SHA, BODY.length, Downloader.Progress.NONE);
        assertArrayEquals(BODY, Files.readAllBytes(target));
        assertEquals(List.of("/ignores/file.gz bytes=70000- 200 200000"), log);
    }

    @Test
    void completePartAnswered416IsVerifiedWithoutRefetching() throws Exception {
        Path target = dir.resolve("file.gz");
        Files.write(dir.resolve("file.gz.part"), BODY);
        downloader.download(url("/honours/file.gz"), target, SHA, -1, Downloader.Progress.NONE);
        assertArrayEquals(BODY, Files.readAllBytes(target));
        assertEquals(List.of("/honours/file.gz bytes=200000- 416 0"), log);
    }

    @Test
    void checksumMismatchDeletesThePartAndNamesBothHashes() {
        Path target = dir.resolve("file.gz");
        String wrong = "0".repeat(64);
        IOException e = assertThrows(IOException.class, () -> downloader.download(
                url("/honours/file.gz"), target, wrong, BODY.length, Downloader.Progress.NONE));
        assertTrue(e.getMessage().contains("expected SHA-256 " + wrong + ", actual SHA-256 " + SHA),
                e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("file.gz.part")));
    }

    @Test
    void httpErrorNamesStatusAndUrl() {
        Path target = dir.resolve("file.gz");
        IOException e = assertThrows(IOException.class, () -> downloader.download(
                url("/nothing/here.gz"), target, SHA, -1, Downloader.Progress.NONE));
        assertEquals("HTTP 404 from " + url("/nothing/here.gz"), e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("file.gz.part")));
    }

    @Test
    void existingVerifiedTargetIsKeptWithoutARequest() throws Exception {
        Path target = Files.write(dir.resolve("file.gz"), BODY);
        assertEquals(target, downloader.download(url("/honours/file.gz"), target, SHA, -1,
                Downloader.Progress.NONE));
        assertTrue(log.isEmpty());
        Files.write(target, new byte[3]);
        IOException e = assertThrows(IOException.class, () -> downloader.download(
                url("/honours/file.gz"), target, SHA, -1, Downloader.Progress.NONE));
        assertTrue(e.getMessage().contains("already exists but expected SHA-256"), e.getMessage());
    }

    @Test
    void sourceFallsBackToTheNextMirror() throws Exception {
        Source s = new Source(ImageSet.MNIST, "train-images-idx3-ubyte.gz",
                List.of(url("/gone/x.gz"), url("/honours/x.gz")), SHA, BODY.length);
        Path got = downloader.download(s, dir, Downloader.Progress.NONE);
        assertEquals(dir.resolve("mnist/train-images-idx3-ubyte.gz"), got);
        assertArrayEquals(BODY, Files.readAllBytes(got));
        Source none = new Source(ImageSet.MNIST, "t10k-labels-idx1-ubyte.gz",
                List.of(url("/gone/a.gz"), url("/gone/b.gz")), null, -1);
        IOException e = assertThrows(IOException.class,
                () -> downloader.download(none, dir, Downloader.Progress.NONE));
        assertEquals("could not download t10k-labels-idx1-ubyte.gz: HTTP 404 from "
                + url("/gone/a.gz") + "; HTTP 404 from " + url("/gone/b.gz"), e.getMessage());
        assertNull(none.sha256());
    }
}
