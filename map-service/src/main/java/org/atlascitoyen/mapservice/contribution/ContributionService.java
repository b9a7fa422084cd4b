package org.atlascitoyen.mapservice.contribution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.moderation.FieldValues;
import org.atlascitoyen.mapservice.moderation.Publisher;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.DataVersion;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives contributions: checks them, stores them with the territory keys of what they concern,
 * and either waits for the author's confirmation (anonymous), queues them for the coordinators, or
 * (an owner's change) publishes them at once. Nothing reaches the published tables before a
 * moderator's approval or an owner's change.
 */
@Service
public class ContributionService {

    private static final String INSERT = SqlResource.statement("sql/contribution/insert.sql");
    private static final String CONFIRM = SqlResource.statement("sql/contribution/confirm.sql");
    private static final String RECORD_EMAIL = SqlResource.statement("sql/contribution/record-email.sql");
    private static final String IS_OWNER = SqlResource.statement("sql/contribution/is-owner.sql");
    private static final String ADD_OWNER = SqlResource.statement("sql/contribution/add-owner.sql");
    private static final String REPORTERS = SqlResource.statement("sql/contribution/reporters.sql");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> FIELD_MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ContributionValidator validator;
    private final Places places;
    private final Publisher publisher;
    private final Audit audit;
    private final ContributionMails mails;
    private final ContributionProperties properties;
    private final DataVersion dataVersion;

    ContributionService(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions,
            ContributionValidator validator, Places places, Publisher publisher, Audit audit, ContributionMails mails,
            ContributionProperties properties, DataVersion dataVersion) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.validator = validator;
        this.places = places;
        this.publisher = publisher;
        this.audit = audit;
        this.mails = mails;
        this.properties = properties;
        this.dataVersion = dataVersion;
    }

    /** A confirmed contribution as {@link #confirm} saw it. */
    public record Confirmed(long id, String kind, String status) {
    }

    /** Checks what a request says without reading the database (400 naming the member). */
    public void check(ContributionRequest request) {
        validator.checkRequest(request);
    }

    /**
     * Stores a contribution.
     *
     * @param baseUrl where the service is reached, for the links of the mails
     */
    public ContributionAccepted submit(ContributionRequest request, Author author, String baseUrl) {
        validator.checkRequest(request);
        String kind = request.kind();
        String recordKind = request.recordKind();
        if ("claim".equals(kind) && !author.signedIn()) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to claim a record: the claim makes your account its owner");
        }
        String email = author.signedIn() ? null : validator.email(author.email());
        Place place;
        String about;
        if ("new".equals(kind)) {
            place = places.of("fields", request.fields());
            about = "nouvelle fiche « " + request.fields().name() + " »";
        } else {
            Places.RecordPlace record = places.ofRecord(recordKind, request.recordId());
            if (record.hidden() && !"report".equals(kind)) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "This record is hidden while moderators look at its reports");
            }
            if ("change".equals(kind) && request.fields().hasPlace()) {
                places.of("fields", request.fields());
            }
            place = record.place();
            about = describe(kind) + " « " + record.name() + " »";
        }
        String payload = payload(request);
        boolean owner = author.signedIn() && "change".equals(kind) && isOwner(recordKind, request.recordId(), author.accountId());
        String recordEmail = "claim".equals(kind) ? recordEmail(recordKind, request.recordId()) : null;
        String token = author.signedIn() && recordEmail == null ? null : Tokens.create();
        String status = token != null ? "unconfirmed" : owner ? "approved" : "pending";
        ContributionAccepted accepted = transactions.execute(tx -> {
            long id = jdbc.sql(INSERT).param("kind", kind).param("recordKind", recordKind).param("recordId", request.recordId())
                    .param("payload", payload).param("status", status).param("authorAccountId", author.accountId())
                    .param("authorEmail", email).param("tokenHash", token == null ? null : Tokens.hash(token))
                    .param("confirmHours", properties.confirmHours()).param("charterVersion", request.charterVersion())
                    .param("commune", place.commune()).param("epci", place.epci()).param("petr", place.petr())
                    .param("bassinVie", place.bassinVie()).param("departement", place.departement()).param("region", place.region())
                    .query(Long.class).single();
            audit.record(author.accountId(), "proposed", recordKind, request.recordId(), id, null, Map.of("kind", kind));
            if (owner) {
                Place moved = request.fields().hasPlace() ? places.of("fields", request.fields()) : null;
                List<String> fields = publisher.publishChange(recordKind, request.recordId(), request.fields(), moved, id,
                        author.accountId());
                audit.record(author.accountId(), "modified", recordKind, request.recordId(), id, null,
                        Map.of("fields", fields, "by", "owner"));
            }
            if ("report".equals(kind) && "pending".equals(status)) {
                hideWhenReportedEnough(recordKind, request.recordId(), id);
            }
            return new ContributionAccepted(id, status);
        });
        if (owner || "report".equals(kind)) {
            dataVersion.refresh();
        }
        if (recordEmail != null) {
            mails.confirmClaim(recordEmail, baseUrl, token, places.ofRecord(recordKind, request.recordId()).name(), properties.confirmHours());
        } else if (token != null) {
            mails.confirmContribution(email, baseUrl, token, about, properties.confirmHours());
        }
        return accepted;
    }

    /**
     * Spends a confirmation token: an anonymous contribution enters the queue; a claim confirmed
     * from the record's own address makes its author the owner. An unknown, spent or expired token
     * is a 400 that does not say which.
     */
    public Confirmed confirm(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw new BadParameterException("token", "This link is not valid, or no longer: ask for a new one");
        }
        Confirmed confirmed = transactions.execute(tx -> jdbc.sql(CONFIRM).param("hash", Tokens.hash(token)).query((rs, i) -> {
            long id = rs.getLong("id");
            String kind = rs.getString("kind");
            String recordKind = rs.getString("record_kind");
            Long recordId = rs.getObject("record_id", Long.class);
            Long account = rs.getObject("author_account_id", Long.class);
            if ("claim".equals(kind)) {
                jdbc.sql(ADD_OWNER).param("recordKind", recordKind).param("recordId", recordId).param("accountId", account)
                        .param("contributionId", id).update();
                audit.record(account, "claimed", recordKind, recordId, id, null, Map.of("by", "owner"));
            } else {
                audit.record(null, "confirmed", recordKind, recordId, id, null, Map.of("kind", kind));
                if ("report".equals(kind) && recordId != null) {
                    hideWhenReportedEnough(recordKind, recordId, id);
                }
            }
            return new Confirmed(id, kind, rs.getString("status"));
        }).optional().orElse(null));
        if (confirmed == null) {
            throw new BadParameterException("token", "This link is not valid, or no longer: ask for a new one");
        }
        if ("report".equals(confirmed.kind())) {
            dataVersion.refresh();
        }
        return confirmed;
    }

    /** Hides the record when this report brings its distinct reporters to the threshold. */
    private void hideWhenReportedEnough(String recordKind, long recordId, long contributionId) {
        long reporters = jdbc.sql(REPORTERS).param("recordKind", recordKind).param("recordId", recordId).query(Long.class).single();
        if (reporters >= properties.reportThreshold() && places.find(recordKind, recordId).filter(r -> !r.hidden()).isPresent()) {
            publisher.hide(recordKind, recordId);
            audit.record(null, "hidden", recordKind, recordId, contributionId, null, Map.of("reporters", reporters));
        }
    }

    private boolean isOwner(String recordKind, long recordId, long accountId) {
        return jdbc.sql(IS_OWNER).param("recordKind", recordKind).param("recordId", recordId).param("accountId", accountId)
                .query(Boolean.class).single();
    }

    private String recordEmail(String recordKind, long recordId) {
        if (!"actor".equals(recordKind)) {
            return null;
        }
        return jdbc.sql(RECORD_EMAIL).param("id", recordId).query(String.class).optional().orElse(null);
    }

    private static String payload(ContributionRequest request) {
        Map<String, Object> payload = new LinkedHashMap<>();
        switch (request.kind()) {
            case "new", "change" -> payload.putAll(JSON.convertValue(request.fields(), FIELD_MAP));
            case "report" -> payload.put("reason", request.reason());
            default -> {
                // claim: the comment only
            }
        }
        if (request.comment() != null) {
            payload.put("comment", request.comment());
        }
        return JSON.writeValueAsString(payload);
    }

    static String describe(String kind) {
        return switch (kind) {
            case "change" -> "modification de la fiche";
            case "claim" -> "demande de gestion de la fiche";
            case "report" -> "signalement de la fiche";
            default -> "nouvelle fiche";
        };
    }

    /** Names of the proposed fields, for the audit. */
    static List<String> fieldNames(ProposedFields fields) {
        return List.copyOf(FieldValues.of(fields).keySet());
    }
}
