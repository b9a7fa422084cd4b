package org.atlascitoyen.mapservice.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.zip.GZIPOutputStream;
import org.atlascitoyen.mapservice.bench.WebPage.Load;
import org.atlascitoyen.mapservice.bench.WebPage.Resource;

/**
 * The bytes of a page load by kind of request, as the browser counted them, and what gzip would
 * make of the responses the service sent uncompressed: each is fetched again from Java, without
 * compression, and gzipped here, with the reason the service did not compress it.
 */
final class WebBytes {

    /** Below this saving a response is not worth compressing, whatever the service's settings. */
    private static final double WORTH_GZIP = 0.9;

    private static final List<String> KINDS = List.of("document", "scripts", "CSS", "API: territories (base)",
            "API: actor clusters", "API: other", "other");

    /**
     * The service's compression settings ({@code server.compression.*}).
     *
     * @param mimeTypes the types it compresses
     * @param minBytes  the smallest response it compresses
     */
    record Compression(List<String> mimeTypes, long minBytes) {
    }

    /** One request of the load, with what Java got for the same URL. */
    private record Measured(Resource resource, String kind, long gzipped, String reason) {

        /** The bytes it would take with gzip: as sent when it was compressed (or not worth it), else gzipped plus headers. */
        long ifGzipped() {
            return reason == null ? resource.transfer() : resource.transfer() - resource.encoded() + gzipped;
        }
    }

    private WebBytes() {
    }

    /** Total bytes the service sent for a load: the document and every request to it (other hosts are not counted). */
    static long transferred(Load load) {
        return load.document().transfer() + load.resources().stream().filter(Resource::local).mapToLong(Resource::transfer).sum();
    }

    /** The table of a load's bytes; {@code port} serves the URLs again, for their uncompressed size. */
    static void print(String name, Load load, int port, Compression compression) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Measured> measured = new ArrayList<>();
        measured.add(measure(client, port, load.document(), "document", compression));
        for (Resource r : load.resources()) {
            if (r.local()) {
                measured.add(measure(client, port, r, kind(r), compression));
            }
        }
        System.out.printf(Locale.ROOT, "%nBytes of the first view, %s, last run: transferred = Resource Timing transferSize "
                + "(body as sent plus headers), decoded = body uncompressed; if gzipped = the same with every compressible "
                + "response gzipped (level 6, here); kB = 1,000 bytes%n", name);
        String row = "  %-26s %8s %12s %12s %12s%n";
        System.out.printf(Locale.ROOT, row, "kind", "requests", "transferred", "decoded", "if gzipped");
        for (String kind : KINDS) {
            List<Measured> of = measured.stream().filter(m -> m.kind().equals(kind)).toList();
            if (!of.isEmpty()) {
                System.out.printf(Locale.ROOT, row, kind, of.size(), kb(sum(of, m -> m.resource().transfer())),
                        kb(sum(of, m -> m.resource().decoded())), kb(sum(of, Measured::ifGzipped)));
            }
        }
        System.out.printf(Locale.ROOT, row, "total", measured.size(), kb(sum(measured, m -> m.resource().transfer())),
                kb(sum(measured, m -> m.resource().decoded())), kb(sum(measured, Measured::ifGzipped)));

        Map<String, List<Measured>> reasons = new LinkedHashMap<>();
        measured.stream().filter(m -> m.reason() != null)
                .forEach(m -> reasons.computeIfAbsent(m.reason(), k -> new ArrayList<>()).add(m));
        if (!reasons.isEmpty()) {
            System.out.println("  sent uncompressed though gzip would save more than 10%:");
            reasons.forEach((reason, list) -> System.out.printf(Locale.ROOT, "    %2d responses, %s as sent, %s gzipped: %s%n",
                    list.size(), kb(sum(list, m -> m.resource().encoded())), kb(sum(list, Measured::gzipped)), reason));
        }
        System.out.println("  biggest requests (transferred, decoded):");
        measured.stream().sorted((a, b) -> Long.compare(b.resource().transfer(), a.resource().transfer())).limit(5)
                .forEach(m -> System.out.printf(Locale.ROOT, "    %10s %10s  %s%n", kb(m.resource().transfer()),
                        kb(m.resource().decoded()), shorten(m.resource().path(), 92)));
    }

    private static Measured measure(HttpClient client, int port, Resource r, String kind, Compression compression)
            throws IOException, InterruptedException {
        // Java's client asks for no compression: the body is the plain one.
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + r.path()))
                .header("Accept", "application/geo+json, application/json, */*").build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body();
        long gzipped = gzip(body);
        boolean sentGzipped = r.encoded() < r.decoded();
        String reason = null;
        // transferSize 0: from the cache, nothing was sent.
        if (!sentGzipped && r.transfer() > 0 && gzipped < body.length * WORTH_GZIP) {
            String type = response.headers().firstValue("Content-Type").orElse("").replaceFirst(";.*", "").strip();
            String etag = response.headers().firstValue("ETag").orElse(null);
            if (body.length < compression.minBytes()) {
                reason = "under server.compression.min-response-size";
            } else if (!compression.mimeTypes().contains(type)) {
                reason = "type " + type + " is not in server.compression.mime-types";
            } else if (etag != null && !etag.startsWith("W/")) {
                reason = "strong ETag: Tomcat compresses no response with a strong ETag (a weak W/ one it does)";
            } else {
                reason = "not compressed, reason unknown";
            }
        }
        return new Measured(r, kind, gzipped, reason);
    }

    private static long gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    static String kind(Resource r) {
        String path = URI.create(r.url()).getRawPath();
        if (r.clusters()) {
            return "API: actor clusters";
        }
        if (path.startsWith("/api/territories")) {
            return "API: territories (base)";
        }
        if (path.startsWith("/api/")) {
            return "API: other";
        }
        if (path.endsWith(".js")) {
            return "scripts";
        }
        return path.endsWith(".css") ? "CSS" : "other";
    }

    private static long sum(List<Measured> list, ToLongFunction<Measured> f) {
        return list.stream().mapToLong(f).sum();
    }

    static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
