package org.atlascitoyen.importers.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Downloads a source file over HTTP(S) into a temporary file, which is then imported as a file
 * (so that the import stays all-or-nothing and never depends on the network half-way through).
 *
 * <p>Redirects are followed (never from HTTPS to HTTP), connection and whole-request timeouts
 * apply, and a body larger than the cap is refused. With the validators of the previous download
 * the request is conditional, and a 304 answer gives {@link Result.NotModified}. Every failure is
 * a {@link DownloadException} with a one-sentence message.
 */
public final class Download {

    /** Defaults: 15 s to connect, 10 min for the whole download, 1 GiB at most. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);
    public static final long MAX_BYTES = 1L << 30;

    private static final String USER_AGENT = "AtlasCitoyen-importer/1.0";

    /** What a download gave. */
    public sealed interface Result {
        /** The file was downloaded into {@code file}, which the caller deletes. */
        record Fetched(Path file, long bytes, Validators validators) implements Result {
        }

        /** The server answered 304: the file is the one downloaded last time. */
        record NotModified() implements Result {
        }
    }

    private final HttpClient client;
    private final Duration requestTimeout;
    private final long maxBytes;

    public Download(Duration connectTimeout, Duration requestTimeout, long maxBytes) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.requestTimeout = requestTimeout;
        this.maxBytes = maxBytes;
    }

    public static Download withDefaults() {
        return new Download(CONNECT_TIMEOUT, REQUEST_TIMEOUT, MAX_BYTES);
    }

    /** Whether an argument names a URL rather than a file. */
    public static boolean isUrl(String argument) {
        String lower = argument.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** A URL argument as a URI, or an error that says what is wrong with it. */
    public static URI parseUrl(String argument) {
        try {
            URI uri = URI.create(argument);
            if (uri.getHost() == null || !isUrl(argument)) {
                throw new IllegalArgumentException("no host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + argument + "' is not a valid http(s) URL");
        }
    }

    /**
     * Downloads {@code url} into a new temporary file of {@code directory} (named with
     * {@code suffix}), conditionally on {@code previous}.
     */
    public Result fetch(URI url, Validators previous, Path directory, String suffix) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET()
                .header("User-Agent", USER_AGENT);
        if (previous.etag() != null) {
            request.header("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            request.header("If-Modified-Since", previous.lastModified());
        }
        HttpResponse<InputStream> response = send(url, request.build());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 304) {
                return new Result.NotModified();
            }
            if (status != 200) {
                throw new DownloadException("Cannot download " + url + ": the server answered " + describe(status) + ".");
            }
            OptionalLong length = response.headers().firstValueAsLong("Content-Length");
            if (length.isPresent() && length.getAsLong() > maxBytes) {
                throw tooLarge(url);
            }
            Path file = Files.createTempFile(directory, "atlas-download-", suffix);
            try {
                long bytes = copy(body, file, url);
                return new Result.Fetched(file, bytes, new Validators(response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null)));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        } catch (HttpTimeoutException e) {
            throw new DownloadException("Cannot download " + url + ": the download took longer than "
                    + requestTimeout.toSeconds() + " s.", e);
        } catch (IOException e) {
            throw new DownloadException("Cannot download " + url + ": " + reason(e) + ".", e);
        }
    }

    private HttpResponse<InputStream> send(URI url, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new DownloadException("Cannot download " + url + ": no connection to " + url.getHost() + " within "
                    + client.connectTimeout().map(Duration::toSeconds).orElse(0L) + " s.", e);
        } catch (HttpTimeoutException e) {
            throw new DownloadException("Cannot download " + url + ": no answer within " + requestTimeout.toSeconds() + " s.", e);
        } catch (IOException e) {
            throw new DownloadException("Cannot download " + url + ": " + reason(e) + ".", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException("Cannot download " + url + ": interrupted.", e);
        }
    }

    private long copy(InputStream body, Path file, URI url) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = body.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(url);
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private DownloadException tooLarge(URI url) {
        return new DownloadException("Cannot download " + url + ": the file is larger than the limit of "
                + (maxBytes >= 1 << 20 ? maxBytes / (1 << 20) + " MiB" : maxBytes + " bytes") + ".");
    }

    private static String describe(int status) {
        return switch (status) {
            case 401, 403 -> status + " (access refused)";
            case 404 -> "404 (not found)";
            case 410 -> "410 (gone)";
            default -> status >= 500 ? status + " (server error)" : Integer.toString(status);
        };
    }

    /** The cause of a network failure, in a few words. */
    private static String reason(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "the host name is unknown (DNS)";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "the connection was refused";
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
