package org.atlascitoyen.mapservice.needoffer;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.atlascitoyen.mapservice.account.SignIn;
import org.atlascitoyen.mapservice.system.DataVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Needs and offers end to end against a database of their own and a real SMTP server: posting
 * through the HTTP API (strict, checked), moderation, the public reads, "who could answer" in
 * territorial order, an answer through the contact relay, closing, the expiry job (an expired
 * announcement in no list, tile, cluster, export or OGC answer the day after its last day), and the
 * coverage of unmet needs checked against a SQL computation of its own.
 */
@DirtiesContext
class NeedsOffersIT extends WebIT {

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("atlas.rate-limit.signin-ip", () -> "100/PT1H");
        registry.add("atlas.need-offer.expiry-period", () -> "P1D");
    }

    @Autowired
    NeedOfferExpiryJob expiry;

    @Autowired
    DataVersion dataVersion;

    /** A commune; another of its bassin de vie; one of its département in another BV, EPCI and PETR; one elsewhere. */
    private static String commune;
    private static String sameBassin;
    private static String sameDepartement;
    private static String elsewhere;
    private static String bassin;

    @BeforeAll
    static void fixture() throws SQLException {
        String[] row = row("SELECT c.code, b.code, d.code, c.bassin_vie FROM commune c"
                + " JOIN commune b ON b.bassin_vie = c.bassin_vie AND b.code <> c.code AND b.epci IS DISTINCT FROM c.epci"
                + " JOIN commune d ON d.departement = c.departement AND d.bassin_vie <> c.bassin_vie"
                + "  AND d.epci IS DISTINCT FROM c.epci AND (d.petr IS NULL OR d.petr IS DISTINCT FROM c.petr)"
                + " WHERE c.departement = '12' AND c.bassin_vie <> '31555'"
                + " ORDER BY c.code, b.code, d.code LIMIT 1");
        commune = row[0];
        sameBassin = row[1];
        sameDepartement = row[2];
        bassin = row[3];
        elsewhere = row("SELECT code FROM commune WHERE departement = '66' AND bassin_vie IS DISTINCT FROM '" + bassin
                + "' ORDER BY code LIMIT 1")[0];
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void anAnnouncementIsPostedModeratedListedAnsweredThroughTheRelayAndClosed() throws Exception {
        String email = "annonceuse@example.org";
        SignIn.Session author = SignIn.as(port, SignIn.mailbox(SMTP), email);
        String validUntil = LocalDate.now(PARIS).plusDays(30).toString();
        String body = """
                {"title":"Cherche animateur pour un atelier climat","nature":"need","resource":"competences",
                 "skills":["facilitation","comptabilite"],"themes":["climat"],"description":"Un <b>atelier</b> en janvier",
                 "perimeter":["commune:31555","epci:243100518"],"validUntil":"%s","authorName":"Collectif Exemple"}"""
                .formatted(validUntil);
        assertThat(post(null, "/api/needs-offers", body).statusCode()).as("anonymous").isIn(401, 403);
        assertThat(problem(post(author, "/api/needs-offers", body.replace("{\"title\"", "{\"email\":\"x@example.org\",\"title\""))))
                .as("an unknown member").isNotNull();
        HttpResponse<String> unknownSkill = post(author, "/api/needs-offers", body.replace("\"comptabilite\"", "\"jonglage\""));
        assertThat(unknownSkill.statusCode()).isEqualTo(400);
        assertThat(json(unknownSkill).get("parameter").asString()).isEqualTo("skills");
        assertThat(unknownSkill.body()).as("the refused word is named").contains("jonglage");
        assertThat(post(author, "/api/needs-offers", body.replace("epci:243100518", "epci:999999999")).statusCode())
                .as("a perimeter of real territories").isEqualTo(400);
        assertThat(post(author, "/api/needs-offers", body.replace(validUntil, LocalDate.now(PARIS).minusDays(1).toString())).statusCode())
                .as("a last day in the past").isEqualTo(400);
        assertThat(post(author, "/api/needs-offers", body.replace(validUntil, LocalDate.now(PARIS).plusYears(2).toString())).statusCode())
                .as("a last day too far").isEqualTo(400);
        assertThat(post(author, "/api/needs-offers", body.replace("\"need\"", "\"gift\"")).statusCode()).isEqualTo(400);
        assertThat(post(author, "/api/needs-offers", body.replace("Un <b>atelier</b>", "x".repeat(20_000))).statusCode())
                .as("size-limited").isEqualTo(413);

        HttpResponse<String> posted = post(author, "/api/needs-offers", body);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        long contribution = json(posted).get("id").asLong();
        assertThat(json(posted).get("status").asString()).isEqualTo("pending");
        assertThat(row("SELECT payload -> 'skills' FROM contribution WHERE id = " + contribution)[0])
                .as("the skills' words mapped to codes through the synonyms").isEqualTo("[\"animation\", \"comptabilite\"]");
        assertThat(row("SELECT record_kind || ' ' || kind || ' ' || status || ' ' || commune FROM contribution WHERE id = " + contribution)[0])
                .isEqualTo("need_offer new pending 31555");
        assertThat(json(get(author, "/api/needs-offers/mine")).get("items").get(0).get("status").asString()).isEqualTo("pending");
        assertThat(get("/api/needs-offers?format=json").body()).doesNotContain("atelier climat");

        SignIn.grantCoordinator(DATABASE, "coord.annonces@example.org", "epci", "243100518");
        SignIn.Session coordinator = SignIn.as(port, SignIn.mailbox(SMTP), "coord.annonces@example.org");
        assertThat(json(get(coordinator, "/api/moderation/queue")).get("items").toString()).contains("\"id\":" + contribution)
                .contains("Cherche animateur pour un atelier climat");
        JsonNode item = json(get(coordinator, "/api/moderation/items/" + contribution));
        assertThat(item.get("recordKind").asString()).isEqualTo("need_offer");
        assertThat(item.get("diff").toString()).contains("\"field\":\"perimeter\"").contains("animation").doesNotContain(email);
        HttpResponse<String> decided = post(coordinator, "/api/moderation/items/" + contribution + "/decision", "{\"decision\":\"approve\"}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        long id = json(decided).get("recordId").asLong();
        assertThat(row("SELECT email FROM need_offer_private WHERE need_offer_id = " + id)[0]).isEqualTo(email);
        assertThat(row("SELECT precision || ' ' || commune || ' ' || valid_until FROM need_offer WHERE id = " + id)[0])
                .isEqualTo("commune 31555 " + validUntil);

        List<String> bodies = new ArrayList<>();
        bodies.add(get("/api/needs-offers?format=json&territory=commune:31555").body());
        assertThat(bodies.get(0)).contains("Cherche animateur pour un atelier climat").contains("Collectif Exemple");
        JsonNode detail = json(get("/api/needs-offers/" + id));
        bodies.add(detail.toString());
        assertThat(detail.get("properties").get("relayEnabled").asBoolean()).isTrue();
        assertThat(detail.get("properties").get("validUntil").asString()).isEqualTo(validUntil);
        bodies.add(get("/api/export/needs-offers.csv").body());
        bodies.add(get("/ogc/collections/needs-offers/items?f=json&limit=1000").body());
        assertThat(bodies.get(3)).contains("atelier climat");
        JsonNode mine = json(get(author, "/api/needs-offers/mine"));
        bodies.add(mine.toString());
        assertThat(mine.get("items").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(mine.get("items").get(0).get("status").asString()).isEqualTo("open");

        // An answer goes through the relay to the author's address, which no answer shows.
        SignIn.Session helper = SignIn.as(port, SignIn.mailbox(SMTP), "aidante@example.org");
        HttpResponse<String> answered = post(helper, "/api/contact", "{\"recordKind\":\"need_offer\",\"recordId\":" + id
                + ",\"senderName\":\"Aidante\",\"message\":\"Je peux animer votre atelier\",\"openedAt\":"
                + Instant.now().minusSeconds(30).toEpochMilli() + "}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
        assertThat(json(answered).get("status").asString()).isEqualTo("sent");
        bodies.add(answered.body());
        MimeMessage relayed = waitForMail(email, "un message pour");
        assertThat(SignIn.text(relayed)).contains("Je peux animer votre atelier");
        assertThat(relayed.getReplyTo()[0].toString()).contains("aidante@example.org");
        assertThat(row("SELECT count(*) FROM relay_message WHERE record_kind = 'need_offer' AND record_id = " + id)[0]).isEqualTo("1");
        assertThat(bodies).allSatisfy(b -> assertThat(b).doesNotContain(email).doesNotContain("annonceuse"));

        // Only its author closes it; then it leaves every read and takes no more answers.
        assertThat(post(helper, "/api/needs-offers/" + id + "/close", "").statusCode()).isEqualTo(404);
        HttpResponse<String> closed = post(author, "/api/needs-offers/" + id + "/close", "");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(204);
        assertThat(get("/api/needs-offers?format=json").body()).doesNotContain("atelier climat");
        assertThat(get("/api/needs-offers/" + id).statusCode()).isEqualTo(404);
        assertThat(row("SELECT count(*) FROM need_offer WHERE id = " + id)[0]).as("archived at once").isEqualTo("0");
        assertThat(json(get(author, "/api/needs-offers/mine")).get("items").get(0).get("status").asString()).isEqualTo("closed");
        assertThat(post(helper, "/api/contact", "{\"recordKind\":\"need_offer\",\"recordId\":" + id
                + ",\"senderName\":\"Aidante\",\"message\":\"Encore moi\",\"openedAt\":1}").statusCode()).isEqualTo(404);
    }

    @Test
    void anAnnouncementPostedForAnActorNeedsItsOwnershipAndStandsAtItsPoint() throws Exception {
        String email = "gerante@example.org";
        SignIn.Session manager = SignIn.as(port, SignIn.mailbox(SMTP), email);
        long actor = actor("Tiers-lieu de la gare (annonces)", sameBassin, "tiers_lieux");
        String body = """
                {"title":"Offre de salle pour vos réunions","nature":"offer","resource":"lieu","themes":["tiers_lieux"],
                 "perimeter":["bassin_vie:%s"],"actorId":%d}""".formatted(bassin, actor);
        HttpResponse<String> notOwned = post(manager, "/api/needs-offers", body);
        assertThat(notOwned.statusCode()).isEqualTo(400);
        assertThat(json(notOwned).get("parameter").asString()).isEqualTo("actorId");
        execute("INSERT INTO record_owner (record_kind, record_id, account_id) SELECT 'actor', " + actor
                + ", id FROM account WHERE email = '" + email + "'");
        HttpResponse<String> posted = post(manager, "/api/needs-offers", body);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        long contribution = json(posted).get("id").asLong();
        assertThat(row("SELECT commune FROM contribution WHERE id = " + contribution)[0]).isEqualTo(sameBassin);
        long admin = Long.parseLong(row("INSERT INTO account (email) VALUES ('admin.annonces@example.org') RETURNING id")[0]);
        execute("INSERT INTO account_role (account_id, role) VALUES (" + admin + ", 'admin')");
        SignIn.Session coordinator = SignIn.as(port, SignIn.mailbox(SMTP), "admin.annonces@example.org");
        HttpResponse<String> decided = post(coordinator, "/api/moderation/items/" + contribution + "/decision",
                "{\"decision\":\"approve\",\"fields\":{\"name\":\"Salle à prêter pour vos réunions\"}}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        long id = json(decided).get("recordId").asLong();
        String[] published = row("SELECT n.name, n.author_name, n.actor_id, ST_Equals(n.geom, a.geom), n.commune, n.valid_until - "
                + "(now() AT TIME ZONE 'Europe/Paris')::date > 80 FROM need_offer n JOIN actor a ON a.id = n.actor_id WHERE n.id = " + id);
        assertThat(published).containsExactly("Salle à prêter pour vos réunions", "Tiers-lieu de la gare (annonces)",
                String.valueOf(actor), "t", sameBassin, "t");
    }

    @Test
    void whoCouldAnswerANeedIsRankedByTerritorialClosenessThenDistance() throws Exception {
        long need = announcement("Besoin de bras pour le jardin climat", "need", commune, "climat,alimentation", "", 20);
        long sameDepartementOffer = announcement("Offre même département", "offer", sameDepartement, "climat", "", 20);
        long sameBassinOffer = announcement("Offre même bassin de vie", "offer", sameBassin, "climat", "", 20);
        long expiredOffer = announcement("Offre expirée même commune", "offer", commune, "climat", "", -1);
        long otherThemeOffer = announcement("Offre sans thème commun", "offer", commune, "culture", "", 20);
        long otherNeed = announcement("Autre besoin même commune", "need", commune, "climat", "", 20);
        long perimeterOffer = announcement("Offre lointaine couvrant la commune", "offer", elsewhere, "alimentation", "", 20);
        execute("INSERT INTO need_offer_perimeter VALUES (" + perimeterOffer + ", 'commune', '" + commune + "')");
        long farOffer = announcement("Offre lointaine", "offer", elsewhere, "climat", "", 20);
        long actorSameBassin = actor("Association climat du bassin", sameBassin, "climat");
        long actorNoTheme = actor("Club de lecture de la commune", commune, "culture");

        HttpResponse<String> response = get("/api/needs-offers/" + need + "/matches");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> order = new ArrayList<>();
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode m : json(response).get("items")) {
            String key = m.get("kind").asString() + ":" + m.get("id").asLong();
            order.add(key);
            byKey.put(key, m);
        }
        String perimeterKey = "needs-offers:" + perimeterOffer;
        String bassinKey = "needs-offers:" + sameBassinOffer;
        String departementKey = "needs-offers:" + sameDepartementOffer;
        String actorKey = "actors:" + actorSameBassin;
        String farKey = "needs-offers:" + farOffer;
        assertThat(order).contains(perimeterKey, bassinKey, departementKey, actorKey, farKey)
                .doesNotContain("needs-offers:" + expiredOffer, "needs-offers:" + otherThemeOffer, "needs-offers:" + otherNeed,
                        "actors:" + actorNoTheme);
        assertThat(order.indexOf(perimeterKey)).as("a perimeter holding the commune counts as the same commune")
                .isLessThan(order.indexOf(bassinKey));
        assertThat(order.indexOf(bassinKey)).as("same bassin de vie before same département").isLessThan(order.indexOf(departementKey));
        assertThat(order.indexOf(actorKey)).isLessThan(order.indexOf(departementKey));
        assertThat(order.indexOf(departementKey)).isLessThan(order.indexOf(farKey));
        assertThat(byKey.get(perimeterKey).get("closeness").asString()).isEqualTo("commune");
        assertThat(byKey.get(bassinKey).get("closeness").asString()).isEqualTo("bassin_vie");
        assertThat(byKey.get(bassinKey).get("closenessLabel").asString()).isEqualTo("Même bassin de vie");
        assertThat(byKey.get(bassinKey).get("natureLabel").asString()).isEqualTo("Offre");
        assertThat(byKey.get(departementKey).get("closeness").asString()).isEqualTo("departement");
        assertThat(byKey.get(farKey).get("closeness").asString()).isEqualTo("autre");
        assertThat(byKey.get(actorKey).get("typeLabel").isNull()).isFalse();
        assertThat(byKey.get(actorKey).get("sharedThemes").toString()).isEqualTo("[\"climat\"]");
        assertThat(byKey.get(farKey).get("distance").asLong()).isGreaterThan(byKey.get(bassinKey).get("distance").asLong());
        // Among the same level, nearer first (all of them share the level "autre" beyond it).
        assertThat(row("SELECT name FROM commune WHERE code = '" + sameBassin + "'")[0])
                .isEqualTo(byKey.get(bassinKey).get("communeName").asString());

        // For an offer, the needs (and actors) the other way.
        List<String> forOffer = new ArrayList<>();
        json(get("/api/needs-offers/" + sameBassinOffer + "/matches?limit=50")).get("items")
                .forEach(m -> forOffer.add(m.get("kind").asString() + ":" + m.get("id").asLong()));
        assertThat(forOffer).contains("needs-offers:" + need, "needs-offers:" + otherNeed).doesNotContain(farKey, departementKey);

        assertThat(json(get("/api/needs-offers/" + need + "/matches?limit=2")).get("items").size()).isEqualTo(2);
        assertThat(get("/api/needs-offers/" + need + "/matches?limit=51").statusCode()).isEqualTo(400);
        assertThat(get("/api/needs-offers/" + need + "/matches?limit=abc").statusCode()).isEqualTo(400);
        assertThat(get("/api/needs-offers/" + expiredOffer + "/matches").statusCode()).as("an expired one").isEqualTo(404);
        assertThat(get("/api/needs-offers/999999999/matches").statusCode()).isEqualTo(404);
    }

    @Test
    void anExpiredAnnouncementIsInNoReadTheDayAfterItsLastDayAndIsPurgedLater() throws Exception {
        String lozere = row("SELECT code FROM commune WHERE departement = '48' ORDER BY code LIMIT 1")[0];
        long expired = announcement("Annonce expirée hier en Lozère", "offer", lozere, "montagne", "", -1);
        execute("UPDATE publish_counter SET value = value + 1");
        dataVersion.refresh();
        double[] point = point(expired);
        String bbox = (point[0] - 0.05) + "," + (point[1] - 0.05) + "," + (point[0] + 0.05) + "," + (point[1] + 0.05);
        assertThat(clustered(bbox)).as("the stored cells still count it before the job").isEqualTo(1);

        NeedOfferExpiryJob.Turn turn = expiry.run();
        assertThat(turn.archived()).isGreaterThanOrEqualTo(1);
        assertThat(clustered(bbox)).as("its stored cell followed").isZero();
        String name = "Annonce expirée hier";
        assertThat(get("/api/needs-offers?format=json&limit=1000").body()).doesNotContain(name);
        assertThat(get("/api/needs-offers?bbox=" + bbox).body()).doesNotContain(name);
        assertThat(get("/api/export/needs-offers.csv").body()).doesNotContain(name);
        assertThat(get("/api/export/needs-offers.geojson").body()).doesNotContain(name);
        assertThat(get("/ogc/collections/needs-offers/items?f=json&limit=1000").body()).doesNotContain(name);
        for (int zoom : new int[] {5, 8, 12, 14}) {
            byte[] tile = get(tile(zoom, point[0], point[1]), HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThat(new String(tile, StandardCharsets.UTF_8)).as("zoom " + zoom).doesNotContain(name);
        }
        assertThat(get("/api/needs-offers/" + expired).statusCode()).isEqualTo(404);
        assertThat(row("SELECT ended_on = (now() AT TIME ZONE 'Europe/Paris')::date FROM need_offer_archive WHERE id = " + expired)[0])
                .isEqualTo("t");

        execute("UPDATE need_offer_archive SET ended_on = ended_on - 91 WHERE id = " + expired);
        assertThat(expiry.run().purged()).isGreaterThanOrEqualTo(1);
        assertThat(row("SELECT count(*) FROM need_offer_archive WHERE id = " + expired)[0]).isEqualTo("0");
    }

    @Test
    void theCoverageOfUnmetNeedsPerBassinDeVieMatchesASqlComputation() throws Exception {
        String other = row("SELECT code FROM commune WHERE bassin_vie = '" + bassin + "' AND code NOT IN ('" + commune + "', '"
                + sameBassin + "') ORDER BY code LIMIT 1")[0];
        String place = other != null ? other : sameBassin;
        announcement("Besoin couvert (climat)", "need", place, "climat", "", 20);
        announcement("Besoin non couvert (jeunesse)", "need", place, "jeunesse", "", 20);
        announcement("Offre climat du bassin", "offer", place, "climat", "", 20);
        announcement("Besoin expiré (sport)", "need", place, "sport", "", -1);

        HttpResponse<String> response = get("/api/needs-offers/coverage?level=bassin_vie");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("geo+json");
        JsonNode collection = json(response);
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        Map<String, long[]> served = new HashMap<>();
        for (JsonNode f : collection.get("features")) {
            JsonNode p = f.get("properties");
            assertThat(p.get("kind").asString()).isEqualTo("bassin_vie");
            served.put(p.get("code").asString(), new long[] {p.get("needs").asLong(), p.get("offers").asLong(), p.get("unmet").asLong()});
        }
        JsonNode ours = null;
        for (JsonNode f : collection.get("features")) {
            if (f.get("properties").get("code").asString().equals(bassin)) {
                ours = f;
            }
        }
        assertThat(ours).isNotNull();
        assertThat(ours.get("geometry").get("type").asString()).contains("Polygon");
        assertThat(ours.get("properties").get("unmet").asLong()).as("the jeunesse need at least").isGreaterThanOrEqualTo(1);

        Map<String, long[]> computed = new HashMap<>();
        String open = "%1$s.closed_at IS NULL AND %1$s.valid_until >= (now() AT TIME ZONE 'Europe/Paris')::date";
        String covers = "EXISTS (SELECT FROM need_offer_perimeter pp JOIN commune k ON"
                + " (pp.territory_kind = 'commune' AND k.code = pp.territory_code) OR (pp.territory_kind = 'epci' AND k.epci = pp.territory_code)"
                + " OR (pp.territory_kind = 'petr' AND k.petr = pp.territory_code) OR (pp.territory_kind = 'bassin_vie' AND k.bassin_vie = pp.territory_code)"
                + " OR (pp.territory_kind = 'departement' AND k.departement = pp.territory_code) OR (pp.territory_kind = 'region' AND k.region = pp.territory_code)"
                + " WHERE pp.need_offer_id = o.id AND k.bassin_vie = t.code)";
        String sql = "SELECT t.code,"
                + " (SELECT count(*) FROM need_offer n WHERE n.nature = 'need' AND " + open.formatted("n") + " AND n.bassin_vie = t.code),"
                + " (SELECT count(*) FROM need_offer o WHERE o.nature = 'offer' AND " + open.formatted("o")
                + "   AND (o.bassin_vie = t.code OR " + covers + ")),"
                + " (SELECT count(*) FROM need_offer n WHERE n.nature = 'need' AND " + open.formatted("n") + " AND n.bassin_vie = t.code"
                + "   AND NOT EXISTS (SELECT FROM need_offer o WHERE o.nature = 'offer' AND " + open.formatted("o")
                + "     AND o.themes && n.themes AND (o.bassin_vie = t.code OR " + covers + ")))"
                + " FROM territory t WHERE t.kind = 'bassin_vie'";
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                computed.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            }
        }
        assertThat(served.keySet()).isEqualTo(computed.keySet());
        computed.forEach((code, figures) -> assertThat(served.get(code)).as(code).containsExactly(figures));
        assertThat(computed.get(bassin)[0]).as("needs of the fixture's bassin de vie counted").isGreaterThanOrEqualTo(2);

        JsonNode filtered = json(get("/api/needs-offers/coverage?level=epci&theme=jeunesse&resource=competences"));
        assertThat(filtered.get("features").size()).isGreaterThan(0);
        assertThat(get("/api/needs-offers/coverage?level=commune").statusCode()).isEqualTo(400);
        assertThat(get("/api/needs-offers/coverage?level=epci&theme=nope").statusCode()).isEqualTo(400);
        assertThat(get("/api/needs-offers/coverage?level=epci&resource=nope").statusCode()).isEqualTo(400);
    }

    private int clustered(String bbox) {
        HttpResponse<String> response = get("/api/needs-offers/clusters?bbox=" + bbox + "&zoom=8");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        int count = 0;
        for (JsonNode f : json(response).get("features")) {
            count += f.get("properties").get("count").asInt();
        }
        return count;
    }

    /** An announcement placed at a commune's point, open until today plus {@code days} (negative: expired). */
    private static long announcement(String name, String nature, String communeCode, String themes, String skills, int days)
            throws SQLException {
        return Long.parseLong(row("INSERT INTO need_offer (name, name_search, nature, resource, themes, skills, geom, precision,"
                + " commune, epci, petr, bassin_vie, departement, region, valid_until, author_name)"
                + " SELECT " + sql(name) + ", atlas_normalize(" + sql(name) + "), '" + nature + "', 'competences',"
                + " string_to_array('" + themes + "', ','), coalesce(string_to_array(nullif('" + skills + "', ''), ','), '{}'),"
                + " t.label_point, 'commune', c.code, c.epci, c.petr, c.bassin_vie, c.departement, c.region,"
                + " (now() AT TIME ZONE 'Europe/Paris')::date + " + days + ", 'Auteur de test'"
                + " FROM commune c JOIN territory t ON t.kind = 'commune' AND t.code = c.code WHERE c.code = '" + communeCode
                + "' RETURNING id")[0]);
    }

    private static long actor(String name, String communeCode, String themes) throws SQLException {
        return Long.parseLong(row("INSERT INTO actor (name, name_search, type, themes, geom, precision, commune, epci, petr,"
                + " bassin_vie, departement, region)"
                + " SELECT " + sql(name) + ", atlas_normalize(" + sql(name) + "), 'association', string_to_array('" + themes + "', ','),"
                + " t.label_point, 'commune', c.code, c.epci, c.petr, c.bassin_vie, c.departement, c.region"
                + " FROM commune c JOIN territory t ON t.kind = 'commune' AND t.code = c.code WHERE c.code = '" + communeCode
                + "' RETURNING id")[0]);
    }

    private static double[] point(long id) throws SQLException {
        String[] xy = row("SELECT ST_X(geom), ST_Y(geom) FROM need_offer WHERE id = " + id);
        return new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
    }

    private static String tile(int zoom, double lon, double lat) {
        int n = 1 << zoom;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double rad = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n);
        return "/tiles/needs-offers/" + zoom + "/" + x + "/" + y + ".pbf";
    }

    /** A mail to an address whose subject holds {@code subjectPart}, waiting up to ten seconds. */
    private static MimeMessage waitForMail(String address, String subjectPart) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var found = Arrays.stream(SMTP.getReceivedMessages())
                    .filter(m -> recipients(m).contains(address) && subject(m).contains(subjectPart)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail to " + address + " about " + subjectPart);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String problem(HttpResponse<String> response) {
        return response.statusCode() == 400 ? response.body() : null;
    }

    private HttpResponse<String> get(SignIn.Session session, String path) {
        return send(session.with(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))).GET().build());
    }

    private HttpResponse<String> post(SignIn.Session session, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json");
        if (session == null) {
            String csrf = SignIn.csrfToken(port, null);
            request.header("Cookie", "XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf);
        } else {
            session.with(request);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sql(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String[] row(String sql) throws SQLException {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next()) {
                return new String[] {null};
            }
            String[] values = new String[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getString(i + 1);
            }
            return values;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
