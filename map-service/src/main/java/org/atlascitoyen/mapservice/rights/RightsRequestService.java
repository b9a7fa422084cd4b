package org.atlascitoyen.mapservice.rights;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.account.SignedInAccount;
import org.atlascitoyen.mapservice.contribution.Audit;
import org.atlascitoyen.mapservice.contribution.ContributionValidator;
import org.atlascitoyen.mapservice.contribution.Tokens;
import org.atlascitoyen.mapservice.ratelimit.RateLimits;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives rights requests ("Cette fiche vous concerne ? Corriger ou retirer") and their
 * verification. A request is verified by a mail link sent to the requester's address or, when
 * asked, to the record's own private address (read here, never shown); the record's owner signed
 * in needs no link. Whatever happens the caller gets the same answer.
 */
@Service
public class RightsRequestService {

    static final Set<String> KINDS = Set.of("correct", "erase", "object");
    static final Set<String> RECORD_KINDS = Set.of("actor", "initiative", "person");
    static final int MESSAGE_MAX = 4000;
    private static final String INSERT = SqlResource.statement("sql/rights/insert.sql");
    private static final String CONFIRM = SqlResource.statement("sql/rights/confirm.sql");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ContributionValidator validator;
    private final RightsRecords records;
    private final RightsMails mails;
    private final RateLimits rateLimits;
    private final Audit audit;
    private final RightsProperties properties;

    RightsRequestService(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions,
            ContributionValidator validator, RightsRecords records, RightsMails mails, RateLimits rateLimits, Audit audit,
            RightsProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.validator = validator;
        this.records = records;
        this.mails = mails;
        this.rateLimits = rateLimits;
        this.audit = audit;
        this.properties = properties;
    }

    /** A verified request: its id and due date. */
    public record Confirmed(long id, String status, OffsetDateTime dueAt) {
    }

    /** Checks what a request says without reading the database (400 naming the member). */
    void check(RightsRequestBody body, boolean signedIn) {
        if (body.kind() == null || !KINDS.contains(body.kind())) {
            throw new BadParameterException("kind", "One of correct, erase, object");
        }
        if (body.recordKind() == null || !RECORD_KINDS.contains(body.recordKind())) {
            throw new BadParameterException("recordKind", "One of actor, initiative, person");
        }
        if (body.recordId() == null || body.recordId() < 1) {
            throw new BadParameterException("recordId", "Required: the id of the record concerned");
        }
        ContributionValidator.text("message", body.message(), MESSAGE_MAX, true);
        ContributionValidator.text("url", body.url(), 300, false);
        if ("correct".equals(body.kind())) {
            boolean noCorrection = body.corrections() == null || body.corrections().isEmpty();
            if (noCorrection && (body.message() == null || body.message().isBlank())) {
                throw new BadParameterException("corrections", "Required: what to correct (the fields, or a message)");
            }
            if (!noCorrection) {
                validator.fields("corrections", "person".equals(body.recordKind()) ? "initiative" : body.recordKind(),
                        body.corrections(), false);
            }
        } else if (body.corrections() != null) {
            throw new BadParameterException("corrections", "Only a correction request has corrections");
        }
        if (!signedIn) {
            validator.email(body.email());
        } else if (body.email() != null) {
            throw new BadParameterException("email", "Signed in, the request is answered at your account's address");
        }
    }

    /**
     * Stores a request and sends its verification link, or opens it at once for the record's
     * signed-in owner. Nothing is stored for a record that does not exist (the answer is the same).
     *
     * @param baseUrl where the service is reached, for the link
     */
    void submit(RightsRequestBody body, SignedInAccount account, String baseUrl) {
        Optional<RecordConcerned> found = records.find(body.recordKind(), body.recordId());
        if (found.isEmpty()) {
            return;
        }
        RecordConcerned record = found.get();
        String requester = account != null ? account.email() : validator.email(body.email());
        boolean owner = account != null && records.isOwner(record.kind(), record.id(), account.id());
        boolean toRecord = !owner && Boolean.TRUE.equals(body.sendToRecord()) && record.privateEmail() != null;
        String verifiedBy = owner ? "owner" : toRecord ? "record" : "requester";
        String linkTo = owner ? null : toRecord ? record.privateEmail() : requester;
        if (linkTo != null) {
            // A mailbox (the requester's or the record's) is not flooded with links.
            rateLimits.check("rights-email", toRecord ? "record:" + record.kind() + ":" + record.id() : requester);
        }
        String token = owner ? null : Tokens.create();
        transactions.executeWithoutResult(tx -> {
            long id = jdbc.sql(INSERT).param("kind", body.kind()).param("recordKind", record.kind()).param("recordId", record.id())
                    .param("recordName", truncate(record.name(), 300))
                    .param("corrections", body.corrections() == null ? "{}" : JSON.writeValueAsString(body.corrections()))
                    .param("message", body.message()).param("open", owner).param("requesterEmail", requester)
                    .param("accountId", account == null ? null : account.id()).param("verifiedBy", verifiedBy)
                    .param("tokenHash", token == null ? null : Tokens.hash(token)).param("confirmHours", properties.confirmHours())
                    .param("dueAfter", properties.dueAfter().toString())
                    .param("commune", record.place().commune()).param("epci", record.place().epci()).param("petr", record.place().petr())
                    .param("bassinVie", record.place().bassinVie()).param("departement", record.place().departement())
                    .param("region", record.place().region())
                    .query(Long.class).single();
            audit.record(account == null ? null : account.id(), "rights-requested", record.kind(), record.id(), null, null,
                    Map.of("kind", body.kind(), "rightsRequest", id));
        });
        if (toRecord) {
            mails.verifyRecord(linkTo, baseUrl, token, body.kind(), record.name(), properties.confirmHours());
        } else if (token != null) {
            mails.verifyRequester(linkTo, baseUrl, token, body.kind(), record.name(), properties.confirmHours());
        }
    }

    /** Spends a verification token; an unknown, spent or expired one is a 400 that does not say which. */
    public Confirmed confirm(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw new BadParameterException("token", "This link is not valid, or no longer: ask for a new one");
        }
        return transactions.execute(tx -> jdbc.sql(CONFIRM).param("hash", Tokens.hash(token))
                .param("dueAfter", properties.dueAfter().toString()).query((rs, i) -> {
                    long id = rs.getLong("id");
                    audit.record(null, "rights-confirmed", rs.getString("record_kind"), rs.getLong("record_id"), null, null,
                            Map.of("rightsRequest", id));
                    return new Confirmed(id, "open", rs.getObject("due_at", OffsetDateTime.class));
                }).optional()
                .orElseThrow(() -> new BadParameterException("token", "This link is not valid, or no longer: ask for a new one")));
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
