package org.atlascitoyen.mapservice.cql2;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;

/**
 * GDAL's OGC API Features driver sends an attribute filter ({@code -where}) to the service as a
 * CQL2 {@code filter}, and the service's count is SQL's. GDAL 3.6 decides from the API definition:
 * the items path {@code /collections/{collectionId}/items} must list the queryables as query
 * parameters and a {@code filter-lang} whose enum holds {@code cql-text} (the draft's name), as
 * {@code /ogc/api} does. The first test also goes through a small proxy that serves such a
 * definition and records the query strings the service received.
 */
class Cql2GdalIT extends DemoServiceIT {

    private static final Pattern FEATURE_COUNT = Pattern.compile("Feature Count: (\\d+)");
    private static final String WHERE = "type = 'association' AND departement = '31'";

    @Test
    void ogrinfoWhereIsFilteredByTheServiceBehindADefinitionListingFilterLang() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer proxy = proxy(received);
        try {
            String out = gdal("ogrinfo", "-ro", "-so", "--debug", "on",
                    "OAPIF:http://localhost:" + proxy.getAddress().getPort() + "/ogc", "actors", "-where", WHERE);

            assertThat(out).contains("CQL text detected");
            assertThat(received).anyMatch(q -> q.contains("filter=") && q.contains("filter-lang=cql-text"));
            assertThat(count(out)).isEqualTo(sql("SELECT count(*) FROM actor WHERE " + WHERE)).isPositive();
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void ogrinfoWhereIsFilteredByTheService() throws Exception {
        String out = gdal("ogrinfo", "-ro", "-so", "--debug", "on", "OAPIF:http://localhost:" + port + "/ogc", "actors",
                "-where", WHERE);

        assertThat(out).containsPattern("items\\?[^\\s]*filter=");
        assertThat(count(out)).isEqualTo(sql("SELECT count(*) FROM actor WHERE " + WHERE)).isPositive();
    }

    private HttpServer proxy(List<String> received) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        HttpClient client = HttpClient.newHttpClient();
        server.createContext("/", exchange -> {
            String self = "http://localhost:" + server.getAddress().getPort();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/ogc") || path.equals("/ogc/")) {
                reply(exchange, 200, "application/json", """
                        {"title": "proxy", "links": [
                          {"href": "%1$s/ogc", "rel": "self", "type": "application/json"},
                          {"href": "%1$s/api.json", "rel": "service-desc", "type": "application/vnd.oai.openapi+json;version=3.0"},
                          {"href": "%1$s/ogc/conformance", "rel": "conformance", "type": "application/json"},
                          {"href": "%1$s/ogc/collections", "rel": "data", "type": "application/json"}]}""".formatted(self));
                return;
            }
            if (path.equals("/api.json")) {
                reply(exchange, 200, "application/vnd.oai.openapi+json;version=3.0", """
                        {"openapi": "3.0.3", "info": {"title": "proxy", "version": "1"}, "paths": {
                          "/collections/{collectionId}/items": {"get": {"parameters": [
                            {"name": "filter", "in": "query", "schema": {"type": "string"}},
                            {"name": "filter-lang", "in": "query",
                             "schema": {"type": "string", "enum": ["cql2-text", "cql2-json", "cql-text"]}},
                            {"name": "type", "in": "query", "schema": {"type": "string"}},
                            {"name": "departement", "in": "query", "schema": {"type": "string"}}],
                            "responses": {"200": {"description": "features"}}}}}}""");
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            received.add(query == null ? "" : query);
            try {
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query))).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                // The service's links name its own address: rewritten to the proxy's, so GDAL keeps coming here.
                byte[] body = new String(response.body(), StandardCharsets.UTF_8)
                        .replace("http://localhost:" + port, self).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type",
                        response.headers().firstValue("Content-Type").orElse("application/json"));
                exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            }
        });
        server.start();
        return server;
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static long count(String ogrinfo) {
        Matcher m = FEATURE_COUNT.matcher(ogrinfo);
        assertThat(m.find()).as(ogrinfo).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String gdal(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("gdal", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().put("NO_PROXY", "localhost,127.0.0.1");
            Process process = builder.start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("ogrinfo within 120 s").isTrue();
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(printed).isZero();
            return printed;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static long sql(String query) throws SQLException {
        try (Connection c = DEMO.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
