package org.atlascitoyen.mapservice.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * The path of contributions through the services, against a database of its own (it writes) with
 * the actor fixture and a real SMTP server (GreenMail): proposal, mail, confirmation, the queue of
 * the right EPCI only, diff, lock, decisions, claims, reports hiding a record. The HTTP layer
 * (sign-in, 401/403 answers, hostile bodies) is {@code ModerationApiIT}'s.
 */
class ModerationFlowIT extends WebIT {

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final String CHARTER = "2026-12";
    /** Toulouse Métropole, and the EPCI of Millau (Aveyron). */
    private static final String TOULOUSE_METROPOLE = "243100518";
    private static final Pattern TOKEN = Pattern.compile("/confirmer\\.html#([A-Za-z0-9_-]+)");

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("atlas.contribution.min-fill-seconds", () -> "0");
    }

    @Autowired
    ContributionService contributions;

    @Autowired
    ModerationService moderation;

    @Autowired
    EscalationJob escalation;

    private static long toulouseCoordinator;
    private static long millauCoordinator;
    private static long member;
    private static String millauEpci;

    @BeforeAll
    static void fixture() throws Exception {
        Path csv = Path.of(ModerationFlowIT.class.getResource("/actor/actors.csv").toURI());
        new DirectoryImport(DATABASE, Progress.Factory.silent()).run(new ImportRequest(RecordKind.ACTOR, "api-test",
                ImportRequest.Format.CSV, csv, csv.resolveSibling("actors.mapping.yaml"), false, false,
                csv.resolveSibling("actors.rejects.csv")));
        toulouseCoordinator = account("coord.toulouse@example.org");
        millauCoordinator = account("coord.millau@example.org");
        member = account("membre@example.org");
        millauEpci = text("SELECT epci FROM commune WHERE code = '12145'");
        execute("INSERT INTO account_role (account_id, role, territory_kind, territory_code) VALUES (" + toulouseCoordinator
                + ", 'coordinator', 'epci', '" + TOULOUSE_METROPOLE + "'), (" + millauCoordinator + ", 'coordinator', 'epci', '"
                + millauEpci + "')");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
    }

    @Test
    void anAnonymousProposalIsConfirmedModeratedByTheRightEpciAndPublished() throws Exception {
        ContributionAccepted accepted = contributions.submit(newActor("Repair café des Minimes", 1.4352, 43.6160, null),
                Author.anonymous("Anonyme@Example.org"), "http://atlas.test");
        assertThat(accepted.status()).isEqualTo("unconfirmed");
        assertThat(queueIds(toulouse())).doesNotContain(accepted.id());

        MimeMessage mail = onlyMail();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("anonyme@example.org");
        String token = token(mail);
        assertThat(contributions.confirm(token).status()).isEqualTo("pending");
        assertThatThrownBy(() -> contributions.confirm(token)).isInstanceOf(BadParameterException.class);

        assertThat(queueIds(toulouse())).contains(accepted.id());
        assertThat(queueIds(millau())).doesNotContain(accepted.id());
        assertThatThrownBy(() -> moderation.item(millau(), accepted.id()))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
        assertThat(get("/api/actors?q=minimes").body()).doesNotContain("Repair");
        String tile = tile(14, 1.4352, 43.6160);
        assertThat(new String(get(tile, HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8)).doesNotContain("Repair");

        ItemDetail item = moderation.item(toulouse(), accepted.id());
        assertThat(item.diff()).extracting(FieldDiff::field).contains("name", "type", "place");
        assertThat(item.author()).doesNotContain("@");

        ModerationService.Decided decided = moderation.decide(toulouse(), accepted.id(), new Decision("approve", null, null));
        assertThat(decided.recordId()).isNotNull();
        JsonNode list = json(get("/api/actors?q=minimes"));
        assertThat(list.toString()).contains("Repair café des Minimes");
        assertThat(get("/api/actors/" + decided.recordId()).statusCode()).isEqualTo(200);
        assertThat(new String(get(tile, HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8))
                .contains("Repair café des Minimes");
        assertThat(get("/api/actors/" + decided.recordId() + "/history").body()).contains("créée").doesNotContain("@");
        assertThat(onlyMail().getSubject()).contains("publiée");
    }

    @Test
    void aChangeShowsOldAndNewPerFieldAndApprovingItWritesFieldSources() throws Exception {
        long id = actorId("Centre social des Izards");
        ContributionAccepted accepted = contributions.submit(change(id, "Centre social des Izards-Trois Cocus", "https://izards.example.org"),
                new Author(member, null), "http://atlas.test");
        assertThat(accepted.status()).isEqualTo("pending");
        ItemDetail item = moderation.item(toulouse(), accepted.id());
        assertThat(item.diff()).containsExactly(
                new FieldDiff("name", "Centre social des Izards", "Centre social des Izards-Trois Cocus", true),
                new FieldDiff("website", null, "https://izards.example.org", true));

        moderation.decide(toulouse(), accepted.id(), new Decision("approve",
                new ProposedFields(null, null, null, null, null, null, null, null, "https://www.izards.example.org", null, null, null,
                        null, null), null));
        assertThat(text("SELECT name || ' ' || website || ' ' || website_host FROM actor WHERE id = " + id))
                .isEqualTo("Centre social des Izards-Trois Cocus https://www.izards.example.org izards.example.org");
        assertThat(text("SELECT string_agg(field || '=' || value::text, ',' ORDER BY field) FROM field_source WHERE record_id = " + id))
                .isEqualTo("name=\"Centre social des Izards-Trois Cocus\",website=\"https://www.izards.example.org\"");
    }

    @Test
    void aLockKeepsOtherModeratorsOffAndARejectionMailsTheReason() throws Exception {
        long id = actorId("Tiers-lieu La Fabrique");
        ContributionAccepted accepted = contributions.submit(change(id, "La Fabrique (fermée)", null), Author.anonymous("x@example.org"),
                "http://atlas.test");
        contributions.confirm(token(onlyMail()));
        SMTP.purgeEmailFromAllMailboxes();
        long admin = account("admin@example.org");
        execute("INSERT INTO account_role (account_id, role) VALUES (" + admin + ", 'admin')");
        Moderator adminModerator = new Moderator(admin, true, List.of());

        moderation.lock(toulouse(), accepted.id());
        assertThatThrownBy(() -> moderation.lock(adminModerator, accepted.id()))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(409));
        assertThatThrownBy(() -> moderation.decide(adminModerator, accepted.id(), new Decision("approve", null, null)))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(409));

        moderation.decide(toulouse(), accepted.id(), new Decision("reject", null, "Pas de source : <b>précisez</b>"));
        MimeMessage mail = onlyMail();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("x@example.org");
        assertThat(GreenMailUtil.getBody(mail)).contains("Pas de source");
        assertThat(text("SELECT name FROM actor WHERE id = " + id)).isEqualTo("Tiers-lieu La Fabrique");
    }

    @Test
    void aClaimMailsTheRecordsOwnAddressAndTheOwnersChangesArePublishedDirectly() throws Exception {
        long id = actorId("Tiers-lieu La Fabrique");
        long owner = account("porteuse@example.org");
        ContributionAccepted claim = contributions.submit(new ContributionRequest("claim", "actor", id, null, null, "Je suis la gérante",
                CHARTER, null, null, null), new Author(owner, "porteuse@example.org"), "http://atlas.test");
        assertThat(claim.status()).isEqualTo("unconfirmed");
        MimeMessage mail = onlyMail();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("contact@fabrique.example.org");
        contributions.confirm(token(mail));

        ContributionAccepted edit = contributions.submit(change(id, null, "https://fabrique.example.org"), new Author(owner, null),
                "http://atlas.test");
        assertThat(edit.status()).isEqualTo("approved");
        assertThat(text("SELECT website FROM actor WHERE id = " + id)).isEqualTo("https://fabrique.example.org");
        assertThat(get("/api/actors/" + id).body()).contains("https://fabrique.example.org").doesNotContain("contact@fabrique");
        assertThat(get("/api/actors/" + id + "/history").body()).contains("modifiée").doesNotContain("porteuse");
    }

    @Test
    void threeDistinctReportsHideARecordEverywhereAndDismissingThemRestoresIt() throws Exception {
        long id = actorId("CPIE du Rouergue");
        long first = report(id, new Author(member, null));
        report(id, new Author(member, null)); // the same person twice counts once
        report(id, new Author(toulouseCoordinator, null));
        assertThat(get("/api/actors/" + id).statusCode()).isEqualTo(200);
        long third = report(id, new Author(millauCoordinator, null));
        assertThat(get("/api/actors/" + id).statusCode()).isEqualTo(404);
        assertThat(get("/api/actors?q=rouergue").body()).doesNotContain("CPIE du Rouergue");
        assertThat(get("/ogc/collections/actors/items/" + id).statusCode()).isEqualTo(404);
        assertThat(get("/api/export?format=csv").body()).doesNotContain("CPIE du Rouergue");

        assertThat(queueIds(millau())).contains(first, third);
        moderation.decide(millau(), first, new Decision("reject", null, "Fiche exacte"));
        assertThat(get("/api/actors/" + id).statusCode()).isEqualTo(200);
        assertThat(queueIds(millau())).doesNotContain(third);
        assertThat(text("SELECT count(*) FROM actor_provenance WHERE actor_id = " + id)).isEqualTo("1");
    }

    @Test
    void anUpheldReportRemovesTheRecordAndSuppressesIt() throws Exception {
        long id = actorId("Collectif Jardins partagés");
        String commune = text("SELECT commune FROM actor WHERE id = " + id);
        long reportId = report(id, new Author(member, null));
        long admin = account("admin.reports@example.org");
        moderation.decide(new Moderator(admin, true, List.of()), reportId, new Decision("approve", null, null));
        assertThat(get("/api/actors/" + id).statusCode()).isEqualTo(404);
        assertThat(text("SELECT string_agg(coalesce(source || ':' || external_id, name_search || '@' || commune), ',' ORDER BY id)"
                + " FROM suppression WHERE record_id = " + id)).isEqualTo("api-test:T3,collectif jardins partages@" + commune);
        assertThat(get("/api/actors/" + id + "/history").body()).contains("retirée");
    }

    @Test
    void anOldItemEscalatesToTheDepartementsCoordinators() throws Exception {
        long aveyron = account("coord.aveyron@example.org");
        Moderator departement = new Moderator(aveyron, false, List.of(new Moderator.Territory("departement", "12")));
        ContributionAccepted accepted = contributions.submit(newActor("Foyer rural de Creissels", null, null, "12084"),
                new Author(member, null), "http://atlas.test");
        assertThat(queueIds(departement)).doesNotContain(accepted.id());
        execute("UPDATE contribution SET created_at = now() - interval '8 days', confirmed_at = now() - interval '8 days' WHERE id = "
                + accepted.id());
        escalation.run();
        assertThat(queueIds(departement)).contains(accepted.id());
    }

    @Test
    void badProposalsAreRefusedNamingTheField() {
        Author author = new Author(member, null);
        assertThatThrownBy(() -> contributions.submit(newActor("Hors région", 2.35, 48.85, null), author, "http://atlas.test"))
                .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo("fields.lon"));
        assertThatThrownBy(() -> contributions.submit(new ContributionRequest("report", "actor", 1L, null, "wrong", null, "2020-01", null,
                null, null), author, "http://atlas.test"))
                .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo("charterVersion"));
        assertThatThrownBy(() -> contributions.submit(newActor("Nom\u0000NUL", 1.44, 43.60, null), author, "http://atlas.test"))
                .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo("fields.name"));
    }

    /** The path of the vector tile of this zoom holding the point. */
    private static String tile(int zoom, double lon, double lat) {
        int n = 1 << zoom;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double rad = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n);
        return "/tiles/actors/" + zoom + "/" + x + "/" + y + ".pbf";
    }

    private long report(long id, Author author) {
        return contributions.submit(new ContributionRequest("report", "actor", id, null, "closed", "Fermé depuis 2024", CHARTER, null,
                null, null), author, "http://atlas.test").id();
    }

    private static ContributionRequest newActor(String name, Double lon, Double lat, String commune) {
        return new ContributionRequest("new", "actor", null, new ProposedFields(name, "association", null,
                List.of("economie_circulaire"), "Réparer ensemble <script>alert(1)</script>", null, null, null, null, null, null,
                lon, lat, commune), null, null, CHARTER, null, null, null);
    }

    private static ContributionRequest change(long id, String name, String website) {
        return new ContributionRequest("change", "actor", id, new ProposedFields(name, null, null, null, null, null, null, null,
                website, null, null, null, null, null), null, null, CHARTER, "x@example.org", null, null);
    }

    private Moderator toulouse() {
        return new Moderator(toulouseCoordinator, false, List.of(new Moderator.Territory("epci", TOULOUSE_METROPOLE)));
    }

    private Moderator millau() {
        return new Moderator(millauCoordinator, false, List.of(new Moderator.Territory("epci", millauEpci)));
    }

    private List<Long> queueIds(Moderator moderator) {
        return moderation.queue(moderator, 0, 100).items().stream().map(QueueItem::id).toList();
    }

    private static MimeMessage onlyMail() throws Exception {
        assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).hasSize(1);
        SMTP.purgeEmailFromAllMailboxes();
        return mails[0];
    }

    private static String token(MimeMessage mail) {
        Matcher matcher = TOKEN.matcher(GreenMailUtil.getBody(mail).replaceAll("=\\r?\\n", ""));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static long actorId(String name) throws SQLException {
        return Long.parseLong(text("SELECT id FROM actor WHERE name = '" + name.replace("'", "''") + "'"));
    }

    private static long account(String email) throws SQLException {
        return Long.parseLong(text("INSERT INTO account (email) VALUES ('" + email + "') RETURNING id"));
    }

    private static String text(String sql) throws SQLException {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
