package org.atlascitoyen.importers.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP server in the test's own process, serving fixture files the way a directory's website
 * does: with an ETag and a Last-Modified date, answering 304 to a matching If-None-Match, 404 to
 * an unknown path. It remembers the conditional headers of every request, and a file can be held
 * back until the test opens its gate.
 */
public final class FixtureServer implements AutoCloseable {

    /** A request as the server saw it: its path and the conditional header it carried (null: none). */
    public record Request(String path, String ifNoneMatch, int status) {
    }

    private record Served(byte[] body, String etag, String lastModified, CountDownLatch gate) {
    }

    private final HttpServer server;
    private final Map<String, Served> files = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FixtureServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    /** Serves a fixture at {@code path} with an ETag (and a Last-Modified date); replaces what was there. */
    public URI serve(String path, Path file, String etag) {
        return serve(path, file, etag, null);
    }

    /** The same, answering only once {@code gate} is opened (counted down). */
    public URI serve(String path, Path file, String etag, CountDownLatch gate) {
        try {
            files.put(path, new Served(Files.readAllBytes(file), "\"" + etag + "\"",
                    "Sat, 05 Dec 2026 10:00:00 GMT", gate));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return url(path);
    }

    /** The URL of a path on this server (served or not). */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Every request received so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            Served served = files.get(path);
            if (served == null) {
                requests.add(new Request(path, ifNoneMatch, 404));
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (served.gate() != null && !served.gate().await(30, TimeUnit.SECONDS)) {
                throw new IOException("the test never opened the gate of " + path);
            }
            exchange.getResponseHeaders().set("ETag", served.etag());
            exchange.getResponseHeaders().set("Last-Modified", served.lastModified());
            if (served.etag().equals(ifNoneMatch)) {
                requests.add(new Request(path, ifNoneMatch, 304));
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            requests.add(new Request(path, ifNoneMatch, 200));
            exchange.getResponseHeaders().set("Content-Type", "text/csv; charset=utf-8");
            exchange.sendResponseHeaders(200, served.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(served.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
