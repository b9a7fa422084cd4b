package org.atlascitoyen.mapservice.rights;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.account.SignedInAccount;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/account/data}: the signed-in person downloads everything the atlas holds about
 * them ({@link AccountData}) as a JSON attachment. Every query is keyed by the session's account
 * id, never by a parameter: nobody reads another account's data. Read in one transaction, so the
 * parts agree with each other.
 */
@RestController
public class AccountDataController {

    private static final String ACCOUNT = SqlResource.statement("sql/rights/data/account.sql");
    private static final String ROLES = SqlResource.statement("sql/rights/data/roles.sql");
    private static final String CONTRIBUTIONS = SqlResource.statement("sql/rights/data/contributions.sql");
    private static final String OWNED = SqlResource.statement("sql/rights/data/owned.sql");
    private static final String PERSONS = SqlResource.statement("sql/rights/data/persons.sql");
    private static final String RIGHTS = SqlResource.statement("sql/rights/data/rights-requests.sql");
    private static final String AUDIT = SqlResource.statement("sql/rights/data/audit.sql");
    private static final String RELAY = SqlResource.statement("sql/rights/data/relay-messages.sql");
    private static final String SUBSCRIPTIONS = SqlResource.statement("sql/rights/data/subscriptions.sql");
    private static final String ANNOUNCEMENTS = SqlResource.statement("sql/rights/data/announcements.sql");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    AccountDataController(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @GetMapping(value = "/api/account/data", produces = "application/json")
    public ResponseEntity<AccountData> data(@AuthenticationPrincipal SignedInAccount signedIn) {
        if (signedIn == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in");
        }
        long id = signedIn.id();
        AccountData data = transactions.execute(tx -> new AccountData(OffsetDateTime.now(ZoneOffset.UTC),
                jdbc.sql(ACCOUNT).param("id", id).query((rs, i) -> new AccountData.Account(rs.getLong("id"), rs.getString("email"),
                        rs.getString("display_name"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("last_seen_at", OffsetDateTime.class))).optional()
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in")),
                jdbc.sql(ROLES).param("id", id).query((rs, i) -> new AccountData.Role(rs.getString("role"), rs.getString("territory_kind"),
                        rs.getString("territory_code"), rs.getObject("granted_at", OffsetDateTime.class))).list(),
                jdbc.sql(CONTRIBUTIONS).param("id", id).query((rs, i) -> new AccountData.Contribution(rs.getLong("id"),
                        rs.getString("kind"), rs.getString("record_kind"), rs.getObject("record_id", Long.class), json(rs.getString("payload")),
                        rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("confirmed_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class),
                        rs.getString("decision_reason"))).list(),
                jdbc.sql(OWNED).param("id", id).query((rs, i) -> new AccountData.Owned(rs.getString("record_kind"), rs.getLong("record_id"),
                        rs.getObject("since", OffsetDateTime.class))).list(),
                jdbc.sql(PERSONS).param("id", id).query((rs, i) -> new AccountData.ResourcePerson(rs.getLong("person_id"),
                        json(rs.getString("listing")), json(rs.getString("member")), json(rs.getString("private")),
                        json(rs.getString("consents")), json(rs.getString("perimeter")))).list(),
                jdbc.sql(RIGHTS).param("id", id).query((rs, i) -> new AccountData.RightsRequest(rs.getLong("id"), rs.getString("kind"),
                        rs.getString("record_kind"), rs.getLong("record_id"), json(rs.getString("corrections")), rs.getString("message"),
                        rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("confirmed_at", OffsetDateTime.class), rs.getObject("due_at", OffsetDateTime.class),
                        rs.getObject("handled_at", OffsetDateTime.class), rs.getString("outcome"), rs.getString("answer"))).list(),
                jdbc.sql(RELAY).param("id", id).query((rs, i) -> new AccountData.RelayMessage(rs.getLong("id"),
                        rs.getString("record_kind"), rs.getLong("record_id"), rs.getString("status"), rs.getString("sender_name"),
                        rs.getString("message"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("sent_at", OffsetDateTime.class), rs.getObject("erased_at", OffsetDateTime.class))).list(),
                jdbc.sql(AUDIT).param("id", id).query((rs, i) -> new AccountData.AuditEntry(rs.getObject("at", OffsetDateTime.class),
                        rs.getString("action"), rs.getString("record_kind"), rs.getObject("record_id", Long.class),
                        rs.getObject("contribution_id", Long.class), rs.getString("reason"), json(rs.getString("details")))).list(),
                jdbc.sql(SUBSCRIPTIONS).param("id", id).query((rs, i) -> new AccountData.Subscription(rs.getLong("id"),
                        rs.getString("territory_kind"), rs.getString("territory_code"),
                        List.of((String[]) rs.getArray("themes").getArray()), rs.getString("frequency"), rs.getString("status"),
                        rs.getBoolean("by_address"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("confirmed_at", OffsetDateTime.class), rs.getObject("last_sent_at", OffsetDateTime.class),
                        json(rs.getString("consents")))).list(),
                jdbc.sql(ANNOUNCEMENTS).param("id", id).query((rs, i) -> new AccountData.Announcement(rs.getLong("id"),
                        json(rs.getString("announcement")), rs.getString("relay_email"))).list()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("atlas-citoyen-mes-donnees.json").build().toString())
                .body(data);
    }

    private static JsonNode json(String text) {
        return text == null ? null : JSON.readTree(text);
    }
}
