package org.atlascitoyen.mapservice;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the service's integration tests: the whole application on a random port, over HTTP,
 * against a real PostGIS database. Subclasses say which database ({@link ServiceIT}: the
 * reference territories; {@link DemoServiceIT}: the demo data too).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class WebIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    /** The port the service under test listens on (for test extensions such as the browser's). */
    public int port() {
        return port;
    }

    /** Points the application at a database, as the owner for migrations and as the reader. */
    protected static void use(DynamicPropertyRegistry registry, DatabaseConfig db) {
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::readerUser);
        registry.add("spring.datasource.password", db::readerPassword);
        registry.add("spring.flyway.user", db::user);
        registry.add("spring.flyway.password", db::password);
        registry.add("spring.flyway.placeholders.readerRole", db::readerUser);
    }

    /** A database dropped when this JVM exits. */
    protected static DatabaseConfig dropOnExit(DatabaseConfig db) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TestDatabases.drop(db)));
        return db;
    }

    /** An HTTP GET on the running service. */
    protected HttpResponse<String> get(String pathAndQuery) {
        return get(pathAndQuery, HttpResponse.BodyHandlers.ofString());
    }

    /** An HTTP GET on the running service with request headers (name, value, name, value...). */
    protected <T> HttpResponse<T> get(String pathAndQuery, HttpResponse.BodyHandler<T> body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return HTTP.send(request.build(), body);
        } catch (IOException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }
}
