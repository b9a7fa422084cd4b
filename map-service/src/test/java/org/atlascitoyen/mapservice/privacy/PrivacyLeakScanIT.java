package org.atlascitoyen.mapservice.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.URLEncoder;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.directory.DirectoryImport;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.directory.Progress;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.atlascitoyen.mapservice.contribution.Author;
import org.atlascitoyen.mapservice.contribution.ContributionAccepted;
import org.atlascitoyen.mapservice.contribution.ContributionRequest;
import org.atlascitoyen.mapservice.contribution.ContributionService;
import org.atlascitoyen.mapservice.contribution.ProposedFields;
import org.atlascitoyen.mapservice.moderation.Decision;
import org.atlascitoyen.mapservice.moderation.ModerationService;
import org.atlascitoyen.mapservice.moderation.Moderator;
import org.atlascitoyen.mapservice.tiles.Mvt;
import org.atlascitoyen.mapservice.web.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The leak scan (issue 14, point 7): records holding private values (actors' emails and phones,
 * natural persons whose real names an import hid, a resource person's private and members-only
 * values, accounts' addresses, an anonymous author's address, a record with a moderated change and
 * its history), then every public endpoint family crawled as an anonymous client: lists, details,
 * clusters, tiles (decoded), coverage, exports, OGC, search (with the private values themselves as
 * {@code q}), persons, history, territories, sources, the pages, every GET path of the OpenAPI
 * document, and the API calls the map page makes in headless Chromium. No private value may appear
 * in any body or header, nor in the service's log output during the run; and each family must have
 * answered at least one 200 with data, so that the scan proves it saw the records.
 *
 * <p>Its database is its own (it writes): {@code @DirtiesContext} closes the context after it.
 */
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class PrivacyLeakScanIT extends WebIT {

    /**
     * Whether the resource persons' endpoints ({@code /api/persons}) are in this build. The persons
     * engineer's branch adds them; the lead switches this on when merging it, which makes
     * {@code persons} a family the scan must have fetched with data.
     */
    static final boolean PERSONS_ENDPOINTS = true;

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final Path OUTBOX = outbox();
    private static final String CHARTER = "2026-12";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Every private value written below, by what it is, as the scan looks for it (ignoring case). */
    private static final Map<String, String> PRIVATE = new LinkedHashMap<>();

    static {
        email("actor email", "jardin.canaris.prive@leak-scan.invalid");
        phone("actor phone", "05 61 98 76 54");
        email("sole trader email", "heloise.leakscan@leak-scan.invalid");
        phone("sole trader phone", "06 71 82 93 04");
        email("natural person email", "gwendoline.quatrefages@leak-scan.invalid");
        phone("natural person phone", "07 12 34 98 76");
        phone("actor phone (dotted in the source)", "05 62 99 88 77");
        PRIVATE.put("hidden real name (sole trader)", "LEAKSCAN-DUPUIS");
        PRIVATE.put("hidden real name (first name)", "Héloïse");
        PRIVATE.put("hidden real name (civility)", "Quatrefages");
        PRIVATE.put("hidden real name (civility, first name)", "Gwendoline");
        email("resource person's relay address", "ermengarde.relais@leak-scan.invalid");
        phone("resource person's phone", "06 45 67 89 12");
        PRIVATE.put("resource person's private name", "Malaquin");
        PRIVATE.put("resource person's members-only description", "Ornicar-Leakscan");
        email("account email", "compte.leakscan@leak-scan.invalid");
        email("member email", "membre.leakscan@leak-scan.invalid");
        email("anonymous author email", "auteur.anonyme.leakscan@leak-scan.invalid");
        email("need or offer author's relay address", "annonceur.relais@leak-scan.invalid");
    }

    /** The families the scan must have fetched with a 200 and data. */
    private static final List<String> REQUIRED_FAMILIES = Stream.concat(Stream.of("lists", "details", "clusters", "tiles",
            "coverage", "exports", "ogc", "search", "history", "territories", "sources", "pages", "map page"),
            PERSONS_ENDPOINTS ? Stream.of("persons") : Stream.empty()).toList();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("atlas.mail.outbox", OUTBOX::toString);
        registry.add("atlas.contribution.min-fill-seconds", () -> "0");
    }

    @Autowired
    ContributionService contributions;

    @Autowired
    ModerationService moderation;

    private static long canaris;
    private static long soleTrader;
    private static long civility;
    private static long velo;
    private static long fete;
    private static long person;
    private static long memberAccount;
    private static long adminAccount;

    private final List<Fetched> fetched = new ArrayList<>();
    private final List<String> leaks = new ArrayList<>();

    /** One response the scan read. */
    record Fetched(String family, String target, int status, long bytes, boolean data) {
    }

    @BeforeAll
    static void records() throws Exception {
        Path dir = Path.of(PrivacyLeakScanIT.class.getResource("/privacy/actors.csv").toURI()).getParent();
        DirectoryImport directory = new DirectoryImport(DATABASE, Progress.Factory.silent());
        directory.run(new ImportRequest(RecordKind.ACTOR, "leak-scan", ImportRequest.Format.CSV, dir.resolve("actors.csv"),
                dir.resolve("actors.mapping.yaml"), false, false, OUTBOX.resolve("actors.rejects.csv")));
        directory.run(new ImportRequest(RecordKind.INITIATIVE, "leak-scan", ImportRequest.Format.CSV,
                dir.resolve("initiatives.csv"), dir.resolve("initiatives.mapping.yaml"), false, false,
                OUTBOX.resolve("initiatives.rejects.csv")));
        canaris = id("SELECT id FROM actor WHERE name = 'Jardin partagé des Canaris'");
        soleTrader = id("SELECT id FROM actor WHERE private_name LIKE 'LEAKSCAN%'");
        civility = id("SELECT id FROM actor WHERE private_name LIKE '%Quatrefages'");
        velo = id("SELECT id FROM actor WHERE name LIKE 'Atelier vélo%'");
        fete = id("SELECT id FROM initiative WHERE name = 'Fête des Canaris'");
        person = id("""
                INSERT INTO person (name, name_search, role, themes, description, geom, precision, commune, epci, departement,
                                    region, visibility, consented_at, confirmed_at)
                SELECT 'Facilitatrice du quartier', 'facilitatrice du quartier', 'facilitateur', '{alimentation}',
                       'Aide aux jardins partagés', t.label_point, 'commune', c.code, c.epci, c.departement, c.region,
                       '{"name": "private", "description": "members"}', now(), now()
                FROM commune c JOIN territory t ON t.kind = 'commune' AND t.code = c.code WHERE c.code = '31555'
                RETURNING id""");
        execute("INSERT INTO person_member (person_id, description) VALUES (" + person
                + ", 'Permanence réservée aux membres : demander Ornicar-Leakscan')");
        execute("INSERT INTO person_private (person_id, email, phone, name) VALUES (" + person
                + ", 'ermengarde.relais@leak-scan.invalid', '06 45 67 89 12', 'Ermengarde Malaquin')");
        execute("INSERT INTO person_perimeter (person_id, territory_kind, territory_code) VALUES (" + person
                + ", 'epci', '243100518')");
        execute("INSERT INTO person_consent (person_id, purpose, wording_version, wording, form) VALUES (" + person
                + ", 'person-listing', '2026-12', 'J''accepte d''être listée', '/api/persons')");
        long announcement = id("""
                INSERT INTO need_offer (name, name_search, nature, resource, themes, geom, precision, commune, epci, departement,
                                        region, valid_until, author_name)
                SELECT 'Cherche bénévoles pour les Canaris', 'cherche benevoles pour les canaris', 'need', 'benevoles',
                       '{alimentation}', t.label_point, 'commune', c.code, c.epci, c.departement, c.region,
                       (now() AT TIME ZONE 'Europe/Paris')::date + 30, 'Collectif des Canaris'
                FROM commune c JOIN territory t ON t.kind = 'commune' AND t.code = c.code WHERE c.code = '31555'
                RETURNING id""");
        execute("INSERT INTO need_offer_private (need_offer_id, email) VALUES (" + announcement
                + ", 'annonceur.relais@leak-scan.invalid')");
        execute("INSERT INTO need_offer_perimeter (need_offer_id, territory_kind, territory_code) VALUES (" + announcement
                + ", 'epci', '243100518')");
        id("INSERT INTO account (email) VALUES ('compte.leakscan@leak-scan.invalid') RETURNING id");
        memberAccount = id("INSERT INTO account (email) VALUES ('membre.leakscan@leak-scan.invalid') RETURNING id");
        adminAccount = id("INSERT INTO account (email) VALUES ('admin.leakscan@leak-scan.invalid') RETURNING id");
    }

    @AfterAll
    static void removeOutbox() throws Exception {
        try (Stream<Path> files = Files.walk(OUTBOX)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    @Test
    void noPrivateValueLeavesThroughAPublicEndpointOrTheLog(CapturedOutput log) throws Exception {
        contribute();
        long start = System.nanoTime();

        scanFamilies();
        scanSearches();
        scanOpenApiPaths();
        scanMapPage();

        Map<String, long[]> byFamily = new TreeMap<>();
        long bytes = 0;
        for (Fetched f : fetched) {
            long[] figures = byFamily.computeIfAbsent(f.family(), k -> new long[3]);
            figures[0]++;
            figures[1] += f.status() == 200 && f.data() ? 1 : 0;
            figures[2] += f.bytes();
            bytes += f.bytes();
        }
        System.out.printf(Locale.ROOT, "PrivacyLeakScanIT: %d responses, %,d bytes scanned, %d private values, %.1f s%n",
                fetched.size(), bytes, PRIVATE.size(), (System.nanoTime() - start) / 1e9);
        byFamily.forEach((family, figures) -> System.out.printf(Locale.ROOT,
                "  %-12s %4d responses, %4d with data, %,10d bytes%n", family, figures[0], figures[1], figures[2]));

        assertThat(leaks).as("private values in public responses").isEmpty();
        List<String> blind = REQUIRED_FAMILIES.stream()
                .filter(family -> fetched.stream().noneMatch(f -> f.family().equals(family) && f.status() == 200 && f.data()))
                .toList();
        assertThat(blind).as("families the scan fetched no data from (it would prove nothing there)").isEmpty();
        assertThat(log.getAll()).as("the service's own log lines are in the captured output (else the check below proves nothing)")
                .contains("Exported ");
        List<String> inLog = PRIVATE.entrySet().stream()
                .filter(e -> log.getAll().toLowerCase(Locale.ROOT).contains(e.getValue().toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getKey).toList();
        assertThat(inLog).as("private values in the service's log output").isEmpty();
    }

    /** An anonymous change (its author's address stored), and a member's change approved: field sources and history. */
    private void contribute() {
        ContributionAccepted anonymous = contributions.submit(new ContributionRequest("change", "actor", velo,
                fields("Atelier d'autoréparation de vélos"), null, null, CHARTER,
                "auteur.anonyme.leakscan@leak-scan.invalid", null, null),
                Author.anonymous("auteur.anonyme.leakscan@leak-scan.invalid"), "http://atlas.test");
        assertThat(anonymous.status()).isEqualTo("unconfirmed");
        ContributionAccepted change = contributions.submit(new ContributionRequest("change", "actor", canaris,
                fields("Jardin partagé ouvert le samedi"), null, null, CHARTER, null, null, null),
                new Author(memberAccount, null), "http://atlas.test");
        moderation.decide(new Moderator(adminAccount, true, List.of()), change.id(), new Decision("approve", null, null));
    }

    private static ProposedFields fields(String description) {
        return new ProposedFields(null, null, null, null, description, null, null, null, null, null, null, null, null, null);
    }

    /** Each family's endpoints, with what proves it saw data. */
    private void scanFamilies() {
        Predicate<Body> canarisSeen = b -> b.text().contains("Canaris");
        for (String list : List.of("/api/actors?limit=100", "/api/actors?limit=100&format=json",
                "/api/actors?territory=commune:31555&limit=100", "/api/actors?near=1.4442,43.6047&radius=2000",
                "/api/actors?theme=alimentation", "/api/initiatives?limit=100", "/api/initiatives?limit=100&format=json")) {
            fetch("lists", list, canarisSeen);
        }
        fetch("lists", "/api/actors?limit=100", b -> b.text().contains("Entrepreneur individuel (nom non publié)")
                && b.text().contains("Personne physique (nom non publié)"));
        for (long id : List.of(canaris, soleTrader, civility, velo)) {
            fetch("details", "/api/actors/" + id, b -> b.text().contains("\"id\""));
        }
        fetch("details", "/api/initiatives/" + fete, canarisSeen);
        for (String kind : List.of("actors", "initiatives")) {
            for (int zoom : List.of(7, 12, 14, 17)) {
                fetch("clusters", "/api/" + kind + "/clusters?bbox=1.40,43.58,1.48,43.63&zoom=" + zoom,
                        b -> b.text().contains("\"count\""));
                fetch("tiles", tile(kind, zoom, 1.4442, 43.6047), b -> b.features() > 0);
            }
        }
        fetch("tiles", tile("actors", 16, 1.4430, 43.6040), b -> b.features() > 0);
        for (String coverage : List.of("/api/coverage?level=epci", "/api/coverage?level=epci&format=json",
                "/api/coverage?level=commune&territory=epci:243100518&format=csv", "/api/coverage?level=departement&q=canaris")) {
            fetch("coverage", coverage, b -> b.text().contains("Toulouse") || b.text().contains("Haute-Garonne"));
        }
        for (String export : List.of("/api/export/actors.csv", "/api/export/actors.geojson", "/api/export/initiatives.csv",
                "/api/export/initiatives.geojson", "/api/export/actors.csv?sep=semicolon&territory=commune:31555")) {
            fetch("exports", export, canarisSeen);
        }
        for (String ogc : List.of("/ogc", "/ogc/conformance", "/ogc/collections", "/ogc/collections/actors",
                "/ogc/collections/actors/queryables", "/ogc/collections/initiatives")) {
            fetch("ogc", ogc, b -> b.text().contains("actors"));
        }
        fetch("ogc", "/ogc/collections/actors/items?limit=100", canarisSeen);
        fetch("ogc", "/ogc/collections/initiatives/items?limit=100", canarisSeen);
        for (long id : List.of(canaris, soleTrader, civility, velo)) {
            fetch("ogc", "/ogc/collections/actors/items/" + id, b -> b.text().contains("\"Feature\""));
        }
        fetch("search", "/api/actors?q=canaris&format=json", canarisSeen);
        fetch("search", "/api/initiatives?q=canaris", canarisSeen);
        fetch("history", "/api/actors/" + canaris + "/history", b -> b.text().contains("modifiée"));
        for (long id : List.of(soleTrader, civility, velo)) {
            fetch("history", "/api/actors/" + id + "/history", b -> true);
        }
        fetch("territories", "/api/territories/at?lon=1.4442&lat=43.6047", b -> b.text().contains("Toulouse"));
        fetch("territories", "/api/territories/commune/31555?geometry=false", b -> b.text().contains("Toulouse"));
        fetch("territories", "/api/territories/epci/243100518/members", b -> b.text().contains("Toulouse"));
        fetch("territories", "/api/territories?q=toulouse", b -> b.text().contains("Toulouse"));
        fetch("sources", "/api/sources", b -> b.text().contains("leak-scan"));
        fetch("settings", "/api/vocabularies", b -> true);
        fetch("settings", "/api/map-settings", b -> true);
        for (String page : List.of("/", "/embed", "/index.html", "/charte.html", "/proposer.html", "/signaler.html",
                "/confirmer.html", "/connexion.html")) {
            fetch("pages", page, b -> b.text().contains("Atlas"));
        }
        if (PERSONS_ENDPOINTS) {
            fetch("persons", "/api/persons?territory=commune:31555", b -> b.text().contains("Facilitatrice du quartier"));
            fetch("persons", "/api/persons/" + person, b -> b.text().contains("Facilitatrice du quartier"));
        }
    }

    /** Searching with a private value must not find the record that holds it (nor any record holding one). */
    private void scanSearches() {
        Set<String> holders = Set.of(Long.toString(canaris), Long.toString(soleTrader), Long.toString(civility),
                Long.toString(velo));
        List<String> paths = new ArrayList<>(List.of("/api/actors?format=json&limit=100&q=", "/api/initiatives?format=json&q=",
                "/api/coverage?level=departement&format=json&q="));
        if (PERSONS_ENDPOINTS) {
            paths.add("/api/persons?q=");
        }
        for (Map.Entry<String, String> value : PRIVATE.entrySet()) {
            for (String path : paths) {
                String target = path + URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8);
                // The answer may say what was asked (coverage names its filters, "q-jardin.canaris..."):
                // a value is not looked for in an answer to its own request, every other value is.
                Body body = fetch("search", target, b -> false, value.getValue());
                if (body.status() == 200 && path.startsWith("/api/actors")) {
                    for (JsonNode item : JsonMapper.shared().readTree(body.text()).path("items")) {
                        if (holders.contains(item.path("id").asString())) {
                            leaks.add("search " + target + " finds record " + item.path("id") + " by its " + value.getKey());
                        }
                    }
                }
                if (body.status() == 200 && path.startsWith("/api/coverage")
                        && JsonMapper.shared().readTree(body.text()).path("summary").path("actors").asLong() > 0) {
                    leaks.add("coverage " + target + " counts records by their " + value.getKey());
                }
            }
        }
    }

    /** Every GET path of the OpenAPI document, with sample values, so that an endpoint added later is scanned too. */
    private void scanOpenApiPaths() {
        JsonNode paths = JsonMapper.shared().readTree(get("/v3/api-docs").body()).path("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode() || path.getKey().startsWith("/api/admin") || path.getKey().startsWith("/api/moderation")
                    || path.getKey().startsWith("/api/account") || path.getKey().equals("/api/contributions/mine")) {
                continue; // signed-in only: 401 to an anonymous client (HostileInputIT checks it)
            }
            StringBuilder query = new StringBuilder();
            boolean unknown = false;
            for (JsonNode parameter : get.path("parameters")) {
                String name = parameter.path("name").asString();
                if (parameter.path("in").asString().equals("query") && parameter.path("required").asBoolean(false)) {
                    String sample = SAMPLE_QUERY.get(name);
                    unknown |= sample == null;
                    query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(sample);
                }
            }
            if (unknown) {
                continue;
            }
            List<String> kinds = PERSONS_ENDPOINTS ? List.of("actors", "initiatives", "persons") : List.of("actors", "initiatives");
            for (String kind : path.getKey().contains("{recordKind}") ? kinds : List.of("")) {
                String target = path.getKey().replace("{recordKind}", kind);
                long id = target.startsWith("/api/initiatives") ? fete : target.startsWith("/api/persons") ? person : canaris;
                target = target.replace("{id}", Long.toString(id)).replace("{featureId}", Long.toString(canaris))
                        .replace("{collectionId}", "actors").replace("{kind}", "commune").replace("{code}", "31555")
                        .replace("{z}", "14").replace("{x}", Integer.toString(tileX(14, 1.4442)))
                        .replace("{y}", Integer.toString(tileY(14, 43.6047)));
                if (!target.contains("{")) {
                    fetch(target.startsWith("/api/persons") ? "persons" : "openapi", target + query, b -> b.bytes() > 0);
                }
            }
        }
    }

    private static final Map<String, String> SAMPLE_QUERY = Map.of("level", "epci", "lon", "1.4442", "lat", "43.6047",
            "zoom", "12", "bbox", "1.40,43.58,1.48,43.63", "kind", "commune", "territory", "commune:31555", "q", "canaris");

    /** The map page in headless Chromium: the card of each record that holds private values, and the coverage mode. */
    private void scanMapPage() throws Exception {
        String missing = HeadlessChromium.missing();
        if (missing != null) {
            fail(missing);
        }
        Path profile = Files.createTempDirectory("atlas-leak-scan-chromium-");
        ChromeDriver driver = HeadlessChromium.start(profile);
        Set<String> urls = new LinkedHashSet<>();
        try {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", "performance.setResourceTimingBufferSize(100000)"));
            for (String hash : List.of("#map=16/43.6047/1.4442&actor=" + canaris, "#map=17/43.6052/1.4450&actor=" + soleTrader,
                    "#map=17/43.6040/1.4430&actor=" + civility, "#map=16/43.6049/1.4445&initiative=" + fete,
                    "#map=9/43.6/1.44&mode=coverage")) {
                driver.get("about:blank");
                driver.get("http://localhost:" + port + "/" + hash);
                String awaited = hash.contains("actor=") ? "/api/actors/" + hash.replaceAll(".*actor=", "")
                        : hash.contains("initiative=") ? "/api/initiatives/" + fete : "/api/coverage";
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> resources(driver).stream().anyMatch(u -> u.contains(awaited)));
                Thread.sleep(500); // the tiles and panels that the record's request triggers
                urls.addAll(resources(driver));
                scan("map page", "DOM of /" + hash, driver.getPageSource(), "");
            }
        } finally {
            driver.quit();
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
        String origin = "http://localhost:" + port;
        List<String> api = urls.stream().filter(u -> u.startsWith(origin)).map(u -> u.substring(origin.length()))
                .filter(u -> u.startsWith("/api/") || u.startsWith("/tiles/") || u.startsWith("/ogc")).toList();
        assertThat(api).as("API calls of the map page").isNotEmpty();
        for (String target : api) {
            fetch("map page", target, b -> b.bytes() > 0);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> resources(ChromeDriver driver) {
        return (List<String>) driver.executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
    }

    /** A response's body as the scan reads it: its text, and for a tile its decoded features. */
    record Body(int status, String text, long bytes, int features) {
    }

    /** Fetches a path as an anonymous client, scans its headers and body, and records it under its family. */
    private Body fetch(String family, String target, Predicate<Body> data) {
        return fetch(family, target, data, null);
    }

    /** The same, for a request that sends {@code sent} itself: its echo in the answer is not a leak. */
    private Body fetch(String family, String target, Predicate<Body> data, String sent) {
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + target + " failed", e);
        }
        byte[] bytes = response.body();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String text = new String(bytes, StandardCharsets.UTF_8);
        int features = 0;
        if (contentType.startsWith("application/vnd.mapbox-vector-tile") && bytes.length > 0) {
            StringBuilder strings = new StringBuilder();
            for (Mvt.Layer layer : Mvt.decode(bytes)) {
                strings.append(layer.name()).append('\n');
                for (Mvt.Feature feature : layer.features()) {
                    features++;
                    feature.properties().forEach((k, v) -> strings.append(k).append('=').append(v).append('\n'));
                }
            }
            text = strings + "\n" + text;
        }
        Body body = new Body(response.statusCode(), text, bytes.length, features);
        scan(family, target, text, response.headers().map().toString(), sent);
        fetched.add(new Fetched(family, target, response.statusCode(), bytes.length,
                response.statusCode() == 200 && bytes.length > 0 && data.test(body)));
        return body;
    }

    private void scan(String family, String target, String body, String headers) {
        scan(family, target, body, headers, null);
    }

    /** Scans for every private value but those within {@code sent}, the value the request itself sent. */
    private void scan(String family, String target, String body, String headers, String sent) {
        String lowerBody = body.toLowerCase(Locale.ROOT);
        String lowerHeaders = headers.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> value : PRIVATE.entrySet()) {
            String v = value.getValue().toLowerCase(Locale.ROOT);
            if (sent != null && sent.toLowerCase(Locale.ROOT).contains(v)) {
                continue;
            }
            int at = lowerBody.indexOf(v);
            if (at >= 0 || lowerHeaders.contains(v)) {
                String where = at >= 0 ? "body: …" + body.substring(Math.max(0, at - 60), Math.min(body.length(), at + v.length() + 20))
                        .replace('\n', ' ') + "…" : "headers";
                leaks.add(family + " " + target + ": the " + value.getKey() + " ('" + value.getValue() + "') in its " + where);
            }
        }
    }

    /** An address, and its local part alone (a leak may escape the @). */
    private static void email(String what, String address) {
        PRIVATE.put(what, address);
        PRIVATE.put(what + " (local part)", address.substring(0, address.indexOf('@')));
    }

    /** A French phone as "05 61 98 76 54", in the forms it is written: digits only, spaced, dotted, +33. */
    private static void phone(String what, String spaced) {
        String digits = spaced.replace(" ", "");
        PRIVATE.put(what, spaced);
        PRIVATE.put(what + " (digits)", digits);
        PRIVATE.put(what + " (dotted)", spaced.replace(' ', '.'));
        PRIVATE.put(what + " (+33)", "+33" + digits.substring(1));
        PRIVATE.put(what + " (+33, spaced)", "+33 " + spaced.substring(1));
    }

    private static String tile(String kind, int zoom, double lon, double lat) {
        return "/tiles/" + kind + "/" + zoom + "/" + tileX(zoom, lon) + "/" + tileY(zoom, lat) + ".pbf";
    }

    private static int tileX(int zoom, double lon) {
        return (int) Math.floor((lon + 180) / 360 * (1 << zoom));
    }

    private static int tileY(int zoom, double lat) {
        double rad = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * (1 << zoom));
    }

    private static Path outbox() {
        try {
            return Files.createTempDirectory("atlas-leak-scan-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long id(String sql) throws SQLException {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
