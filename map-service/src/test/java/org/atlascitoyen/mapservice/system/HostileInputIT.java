package org.atlascitoyen.mapservice.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Hostile values through every public endpoint: each query parameter and path variable of each
 * endpoint of the OpenAPI document, plus the OGC, actuator and page paths it does not describe,
 * gets each value of {@link #VALUES}, sent byte for byte. Never a 5xx; every 4xx a problem
 * (application/problem+json) without stack trace, exception class or server name; and a NUL, a
 * control character, bytes that are not UTF-8, a malformed escape or an over-long value is a 400
 * naming the parameter.
 */
class HostileInputIT extends DemoServiceIT {

    /** Paths that answer an anonymous request 401 (SecurityConfig) whatever its values. */
    static final List<String> SIGNED_IN_ONLY = List.of("/api/admin/", "/api/moderation/", "/api/account", "/api/contributions/mine",
            "/api/persons/me", "/api/needs-offers/mine", "/api/needs-offers/{id}/close");

    /** What a hostile value must get. */
    enum Expect {
        /** A 400 problem naming the parameter (for a path variable: the variable, or "path" when Tomcat refused the path). */
        NAMED,
        /** A 400 problem (the request line itself is broken: nothing to name). */
        REFUSED,
        /** Anything but a 5xx: a valid answer or a problem. */
        ANSWERED
    }

    /** A hostile value as it goes on the wire (characters U+0000-U+00FF, one byte each). */
    record Hostile(String label, String wire, Expect expect) {
    }

    static final List<Hostile> VALUES = List.of(
            new Hostile("NUL", "%00", Expect.NAMED),
            new Hostile("NUL inside text", "jardin%00partag%C3%A9", Expect.NAMED),
            new Hostile("C0 control U+0001", "%01", Expect.NAMED),
            new Hostile("escape U+001B", "a%1B%5B31mb", Expect.NAMED),
            new Hostile("tab and newline", "a%09b%0Ac", Expect.ANSWERED),
            new Hostile("overlong UTF-8", "%C0%AE%C0%AE", Expect.NAMED),
            new Hostile("invalid UTF-8 byte", "%FF", Expect.NAMED),
            new Hostile("invalid UTF-8 sequence", "%C3%28", Expect.NAMED),
            new Hostile("lone surrogate", "%ED%A0%80", Expect.NAMED),
            new Hostile("truncated UTF-8", "%E2%82", Expect.NAMED),
            new Hostile("lone percent", "%", Expect.NAMED),
            new Hostile("bad escape", "%G1", Expect.NAMED),
            new Hostile("10,000 characters", "a".repeat(10_000), Expect.NAMED),
            new Hostile("raw NUL", "a\u0000b", Expect.REFUSED),
            new Hostile("raw byte 0xFF", "\u00FF", Expect.REFUSED),
            new Hostile("raw control U+0001", "\u0001", Expect.REFUSED),
            new Hostile("SQL", "%27%20OR%201%3D1%20--", Expect.ANSWERED),
            new Hostile("SQL, raw quotes", "1'%20OR%20'1'='1", Expect.ANSWERED),
            new Hostile("path traversal", "../../etc/passwd", Expect.ANSWERED),
            new Hostile("path traversal, escaped", "..%2F..%2Fetc%2Fpasswd", Expect.ANSWERED),
            new Hostile("huge number", "99999999999999999999", Expect.ANSWERED),
            new Hostile("negative", "-1", Expect.ANSWERED),
            new Hostile("huge negative", "-99999999999999999999", Expect.ANSWERED),
            new Hostile("NaN", "NaN", Expect.ANSWERED),
            new Hostile("Infinity", "Infinity", Expect.ANSWERED),
            new Hostile("-Infinity", "-Infinity", Expect.ANSWERED),
            new Hostile("1e309", "1e309", Expect.ANSWERED),
            new Hostile("bbox of NaN", "NaN,NaN,NaN,NaN", Expect.ANSWERED),
            new Hostile("bbox of infinities", "-Infinity,-1e309,Infinity,1e309", Expect.ANSWERED),
            new Hostile("script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", Expect.ANSWERED),
            new Hostile("JNDI lookup", "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D", Expect.ANSWERED),
            new Hostile("right-to-left override", "%E2%80%AEcba", Expect.ANSWERED),
            new Hostile("emoji", "%F0%9F%98%80", Expect.ANSWERED),
            new Hostile("far-future date", "99999-01-01", Expect.ANSWERED),
            new Hostile("far-future date-time", "99999-01-01T00:00:00Z", Expect.ANSWERED),
            new Hostile("year 0", "0000-01-01", Expect.ANSWERED),
            new Hostile("five-digit year, signed", "%2B99999-01-01T00:00:00Z", Expect.ANSWERED),
            new Hostile("largest year of java.time", "%2B999999999-12-31T23:59:59Z", Expect.ANSWERED),
            new Hostile("smallest year of java.time", "-999999999-01-01T00:00:00Z", Expect.ANSWERED),
            new Hostile("largest int", "2147483647", Expect.ANSWERED),
            new Hostile("smallest int", "-2147483648", Expect.ANSWERED),
            new Hostile("whole world", "-180,-90,180,90", Expect.ANSWERED),
            new Hostile("empty", "", Expect.ANSWERED));

    /** Valid values of path variables and required parameters, so that only the hostile one is wrong. */
    private static final Map<String, String> SAMPLES = Map.ofEntries(Map.entry("z", "8"), Map.entry("x", "129"),
            Map.entry("y", "93"), Map.entry("id", "1"), Map.entry("collectionId", "actors"), Map.entry("featureId", "1"),
            Map.entry("kind", "departement"), Map.entry("code", "31"), Map.entry("zoom", "8"), Map.entry("lon", "1.44"),
            Map.entry("lat", "43.6"), Map.entry("level", "epci"));

    /** Public paths the OpenAPI document does not describe, or whose parameters it does not list. */
    private static final Map<String, List<String>> UNDESCRIBED = Map.of(
            "/ogc/collections/{collectionId}/items", List.of("f", "limit", "offset", "bbox", "bbox-crs", "datetime", "theme", "type"),
            "/ogc/collections/{collectionId}/items/{featureId}", List.of("f"),
            "/ogc/collections/{collectionId}", List.of("f"),
            "/actuator/health", List.of(),
            "/actuator/health/liveness", List.of(),
            "/actuator/info", List.of(),
            "/", List.of(),
            "/embed", List.of("theme"),
            "/v3/api-docs", List.of(),
            "/api/docs", List.of());

    /** An unknown parameter sent to every endpoint (and a hostile name). */
    private static final String EXTRA = "x";

    private static final List<String> LEAKS = List.of("Exception", "\tat ", "Tomcat", "java.", "org.apache",
            "springframework", "<html", "<!doctype");

    /** One endpoint: its path template, its query parameters and which of them it requires. */
    record Endpoint(String path, List<String> query, List<String> required) {

        List<String> pathVariables() {
            List<String> names = new ArrayList<>();
            for (int i = path.indexOf('{'); i >= 0; i = path.indexOf('{', i + 1)) {
                names.add(path.substring(i + 1, path.indexOf('}', i)));
            }
            return names;
        }
    }

    /** Where a hostile value goes: a path variable, a query parameter's value, or a parameter's name. */
    record Pair(Endpoint endpoint, String parameter, Where where) {
    }

    enum Where { PATH, VALUE, NAME }

    @Test
    void noHostileValueGetsA5xxAndTheTextFaultsNameTheirParameter() throws Exception {
        List<Endpoint> endpoints = endpoints();
        List<Pair> pairs = pairs(endpoints);
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        int requests = 0;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Pair pair : pairs) {
                for (Hostile value : VALUES) {
                    if (pair.where() == Where.NAME && (value.expect() != Expect.NAMED || value.wire().length() > 100)) {
                        continue; // hostile names: the text faults, short
                    }
                    requests++;
                    sent.add(pool.submit(() -> {
                        String target = target(pair, value);
                        try {
                            RawHttp.Response response = RawHttp.get(port, target.getBytes(StandardCharsets.ISO_8859_1));
                            String fault = fault(pair, value, response);
                            if (fault != null) {
                                failures.add(value.label() + " in " + pair.where() + " " + pair.parameter() + " of "
                                        + pair.endpoint().path() + ": " + fault + " (" + shorten(target) + ")");
                            }
                        } catch (Exception e) {
                            failures.add(value.label() + " in " + pair.parameter() + " of " + pair.endpoint().path()
                                    + ": " + e + " (" + shorten(target) + ")");
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("HostileInputIT: %d endpoints, %d (endpoint, parameter) pairs, %d hostile values,"
                + " %d requests in %.1f s%n", endpoints.size(), pairs.size(), VALUES.size(), requests,
                (System.nanoTime() - start) / 1e9);

        assertThat(endpoints).hasSizeGreaterThan(30);
        assertThat(failures).as("%d failures of %d requests", failures.size(), requests).isEmpty();
    }

    @Test
    void aNulInTheQueryIsA400NamingTheParameter() throws Exception {
        RawHttp.Response response = RawHttp.get(port, bytes("/api/actors?limit=5&q=jardin%00"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"parameter\":\"q\"").contains("NUL");
    }

    @Test
    void aPathTomcatRefusesIsAProblemWithoutTomcatsPage() throws Exception {
        RawHttp.Response response = RawHttp.get(port, bytes("/api/actors/%FF"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"parameter\":\"path\"").contains("not valid UTF-8")
                .doesNotContain("Tomcat").doesNotContain("<html");
    }

    @Test
    void anOverLongPathVariableIsNamed() throws Exception {
        RawHttp.Response response = RawHttp.get(port, bytes("/tiles/actors/8/129/" + "9".repeat(3000) + ".pbf"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"parameter\":\"y\"").contains("3000 characters long");
    }

    @Test
    void headersOverTheLimitAreA400Problem() throws Exception {
        RawHttp.Response response = RawHttp.get(port, bytes("/api/actors"), "X-Padding: " + "a".repeat(20_000));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("16 KB").doesNotContain("Tomcat");
    }

    @Test
    void aValueUnder16KbOfHeadersReachesTheService() throws Exception {
        RawHttp.Response response = RawHttp.get(port, bytes("/api/territories?q=" + "a".repeat(10_000)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"parameter\":\"q\"").contains("10000 characters long; at most 2000");
    }

    @Test
    void aYearOfMoreThanFourDigitsIsRefused() throws Exception {
        for (String target : List.of("/api/actors?updatedSince=%2B99999-01-01T00:00:00Z",
                "/ogc/collections/actors/items?datetime=%2B99999-01-01T00:00:00Z/..")) {
            RawHttp.Response response = RawHttp.get(port, bytes(target));

            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(response.body()).as(target).contains("year from 0001 to 9999");
        }
    }

    @Test
    void theClustersOfTheWholeWorldAtTheDeepestZoomAreCountedNotListed() throws Exception {
        RawHttp.Response response = RawHttp.get(port, bytes("/api/actors/clusters?zoom=20&bbox=-180,-85,180,85"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"parameter\":\"bbox\"").containsPattern("spans \\d{13} tiles at zoom 20");
    }

    /** The endpoints of the OpenAPI document (GET), and those it leaves out. */
    private List<Endpoint> endpoints() {
        JsonNode paths = json(get("/v3/api-docs")).path("paths");
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            JsonNode parameters = path.getValue().path("get").path("parameters");
            List<String> query = new ArrayList<>();
            List<String> required = new ArrayList<>();
            for (JsonNode parameter : parameters) {
                if (parameter.path("in").asString().equals("query")) {
                    String name = parameter.path("name").asString();
                    query.add(name);
                    if (parameter.path("required").asBoolean(false)) {
                        required.add(name);
                    }
                }
            }
            endpoints.put(path.getKey(), new Endpoint(path.getKey(), query, required));
        }
        UNDESCRIBED.forEach((path, query) -> endpoints.merge(path, new Endpoint(path, query, List.of()),
                (described, extra) -> new Endpoint(path, union(described.query(), extra.query()), described.required())));
        return List.copyOf(endpoints.values());
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(name -> !all.contains(name)).forEach(all::add);
        return all;
    }

    private static List<Pair> pairs(List<Endpoint> endpoints) {
        List<Pair> pairs = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            endpoint.pathVariables().forEach(v -> pairs.add(new Pair(endpoint, v, Where.PATH)));
            endpoint.query().forEach(q -> pairs.add(new Pair(endpoint, q, Where.VALUE)));
            pairs.add(new Pair(endpoint, EXTRA, Where.VALUE));
            pairs.add(new Pair(endpoint, EXTRA, Where.NAME));
        }
        return pairs;
    }

    /** The request target: samples everywhere but the hostile value's place. */
    private static String target(Pair pair, Hostile value) {
        Endpoint endpoint = pair.endpoint();
        String path = endpoint.path();
        for (String variable : endpoint.pathVariables()) {
            String replacement = pair.where() == Where.PATH && variable.equals(pair.parameter()) ? value.wire()
                    : SAMPLES.getOrDefault(variable, "1");
            path = path.replace("{" + variable + "}", replacement);
        }
        List<String> query = new ArrayList<>();
        for (String required : endpoint.required()) {
            if (!(pair.where() == Where.VALUE && required.equals(pair.parameter()))) {
                query.add(required + "=" + SAMPLES.getOrDefault(required, "1"));
            }
        }
        switch (pair.where()) {
            case VALUE -> query.add(pair.parameter() + "=" + value.wire());
            case NAME -> query.add(value.wire() + "=1");
            case PATH -> { }
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    /** What is wrong with the answer to a hostile value, or null. */
    private static String fault(Pair pair, Hostile value, RawHttp.Response response) {
        int status = response.status();
        if (status >= 500) {
            return "status " + status + ": " + shorten(response.body());
        }
        if (status >= 400) {
            if (!response.contentType().startsWith("application/problem+json")) {
                return "status " + status + " as " + response.contentType() + ": " + shorten(response.body());
            }
            for (String leak : LEAKS) {
                if (response.body().contains(leak)) {
                    return "the problem shows '" + leak.strip() + "': " + shorten(response.body());
                }
            }
        }
        if (status == 401 && SIGNED_IN_ONLY.stream().anyMatch(pair.endpoint().path()::startsWith)) {
            return null; // refused before anything reads the value: the problem says to sign in
        }
        return switch (value.expect()) {
            case ANSWERED -> null;
            case REFUSED -> status == 400 ? null : "status " + status + " instead of 400";
            case NAMED -> named(pair, response);
        };
    }

    private static String named(Pair pair, RawHttp.Response response) {
        if (response.status() != 400) {
            return "status " + response.status() + " instead of 400: " + shorten(response.body());
        }
        JsonNode problem = json(response.body());
        String named = problem.path("parameter").asString(null);
        boolean ok = switch (pair.where()) {
            case VALUE -> pair.parameter().equals(named);
            case PATH -> pair.parameter().equals(named) || "path".equals(named);
            case NAME -> named != null;
        };
        return ok ? null : "the problem names " + named + ": " + shorten(response.body());
    }

    private static JsonNode json(String body) {
        return tools.jackson.databind.json.JsonMapper.shared().readTree(body);
    }

    private static byte[] bytes(String target) {
        return target.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
