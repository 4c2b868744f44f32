package org.addernet.datasets.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads a file over HTTP(S) into {@code <target>.part}, verifies it, then renames it to
 * {@code target}; the target therefore exists only once it is whole and verified.
 *
 * <p>Resume: when a {@code .part} file is there, the request carries {@code Range: bytes=N-};
 * a {@code 206} answer starting at N is appended, a {@code 200} answer (the server ignored the
 * range) restarts the file, a {@code 416} with a part already as long as the file goes straight
 * to verification, and any other answer to a range request restarts without one. A download
 * cut short keeps its {@code .part} for the next attempt.
 * Verification: the size when known, then the SHA-256 when known (see {@link Source}); a
 * mismatch deletes the {@code .part} and throws an IOException naming the expected and actual
 * values. HTTP errors name the status code and the URL. Progress is reported as
 * {@code (bytes so far, total or -1)} after every chunk; an exception thrown by the callback
 * cancels the download and keeps the {@code .part}.
 */
public final class Downloader {
    /** Receives {@code (bytes so far, total bytes or -1 when unknown)}. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void update(long done, long total);
    }

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+)");
    private final HttpClient client;
    private final Duration timeout;

    /** A downloader following redirects (not https to http), 30 s to connect and to answer. */
    public Downloader() {
        this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build(), Duration.ofSeconds(30));
    }

    /** A downloader on {@code client}; {@code timeout} bounds the wait for response headers. */
    public Downloader(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /**
     * Fetches {@code source} into {@link Source#targetIn(Path) its place} under {@code root},
     * trying its addresses in order; returns the verified file. Throws an IOException listing
     * each address's failure when none succeeds.
     */
    public Path download(Source source, Path root, Progress progress) throws IOException {
        Path target = source.targetIn(root);
        List<String> failures = new ArrayList<>();
        for (URI url : source.urls()) {
            try {
                return download(url, target, source.sha256(), source.size(), progress);
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                failures.add(e.getMessage());
            }
        }
        throw new IOException("could not download " + source.fileName() + ": "
                + String.join("; ", failures));
    }

    /**
     * Fetches {@code url} to {@code target} as described above. {@code sha256} (lower-case hex,
     * nullable) and {@code size} ({@code -1}: unknown) are the expected values. An existing
     * {@code target} that verifies is returned untouched; one that does not is an error.
     */
    public Path download(URI url, Path target, String sha256, long size, Progress progress)
            throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.createDirectories(target.toAbsolutePath().getParent());
        if (Files.isRegularFile(target)) {
            String problem = Verify.problem(target, sha256, size);
            if (problem != null) {
                throw new IOException(target + " already exists but " + problem
                        + "; delete it to download again");
            }
            return target;
        }
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (size >= 0 && have > size) {
            Files.delete(part);
            have = 0;
        }
        long total = fetch(url, part, have, progress);
        if (total >= 0 && Files.size(part) != total) {
            throw new IOException("download of " + url + " stopped at " + Files.size(part)
                    + " of " + total + " bytes; run it again to resume");
        }
        String problem = Verify.problem(part, sha256, size);
        if (problem != null) {
            Files.deleteIfExists(part);
            throw new IOException("download of " + url + " is corrupt: " + problem
                    + "; deleted " + part);
        }
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** Writes the body into {@code part} (appending from {@code have}); returns the total or -1. */
    private long fetch(URI url, Path part, long have, Progress progress) throws IOException {
        HttpResponse<InputStream> r = send(url, have);
        int code = r.statusCode();
        String range = r.headers().firstValue("content-range").orElse("");
        Matcher m = CONTENT_RANGE.matcher(range);
        boolean append = have > 0 && code == 206 && m.matches() && Long.parseLong(m.group(1)) == have;
        long total = append ? Long.parseLong(m.group(2))
                : r.headers().firstValueAsLong("content-length").orElse(-1);
        if (!append && code != 200) {
            r.body().close();
            if (have == 0) {
                throw new IOException("HTTP " + code + " from " + url);
            }
            if (code == 416 && range.equals("bytes */" + have)) {
                return have;                       // the part is already the whole file
            }
            Files.delete(part);                    // any other answer to a range: start over
            return fetch(url, part, 0, progress);
        }
        long done = append ? have : 0;
        try (InputStream in = r.body();
             OutputStream out = append
                     ? Files.newOutputStream(part, StandardOpenOption.APPEND)
                     : Files.newOutputStream(part)) {
            progress.update(done, total);
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                done += n;
                progress.update(done, total);
            }
        } catch (IOException e) {
            throw new IOException("download of " + url + " broke off after " + done + " bytes ("
                    + e.getMessage() + "); run it again to resume", e);
        }
        return total;
    }

    private HttpResponse<InputStream> send(URI url, long from) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout).GET();
        if (from > 0) {
            b.header("Range", "bytes=" + from + "-");
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download of " + url + " interrupted");
        } catch (IOException e) {
            throw new IOException("cannot reach " + url + ": " + e, e);
        }
    }
}
