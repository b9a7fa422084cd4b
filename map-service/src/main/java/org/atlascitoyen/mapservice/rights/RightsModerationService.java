package org.atlascitoyen.mapservice.rights;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.contribution.Audit;
import org.atlascitoyen.mapservice.contribution.ContributionProperties;
import org.atlascitoyen.mapservice.contribution.ContributionValidator;
import org.atlascitoyen.mapservice.contribution.Place;
import org.atlascitoyen.mapservice.contribution.Places;
import org.atlascitoyen.mapservice.contribution.ProposedFields;
import org.atlascitoyen.mapservice.moderation.Moderator;
import org.atlascitoyen.mapservice.moderation.Publisher;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.DataVersion;
import org.atlascitoyen.mapservice.system.NotFoundException;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rights requests in the moderation console: the open ones of the moderator's territories
 * (admins: all), overdue first, and the decisions. A correction is published as a moderator's
 * approved change ({@link Publisher}, with its {@code field_source} rows, so that imports keep it);
 * an erasure is {@link Erasure}'s; a refusal needs a reason. The requester is mailed the outcome.
 * Refusals: 401 without a session, 403 for an account that moderates nothing or a request outside
 * its territories, 404 for no such request, 409 for a request closed already.
 */
@Service
public class RightsModerationService {

    private static final String VISIBLE = SqlResource.load("sql/rights/visible.sql").replaceAll("(?m)^--.*\\n", "").strip();
    private static final String QUEUE = SqlResource.statement("sql/rights/queue.sql").replace("${visible}", VISIBLE);
    private static final String ITEM = SqlResource.statement("sql/rights/item.sql").replace("${visible}", VISIBLE);
    private static final String DECIDE = SqlResource.statement("sql/rights/decide.sql");
    private static final String CORRECTION = SqlResource.statement("sql/rights/correction.sql");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RightsRecords records;
    private final Erasure erasure;
    private final Publisher publisher;
    private final Places places;
    private final ContributionValidator validator;
    private final Audit audit;
    private final RightsMails mails;
    private final ContributionProperties contributionProperties;
    private final DataVersion dataVersion;

    RightsModerationService(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc,
            @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions, RightsRecords records, Erasure erasure,
            Publisher publisher, Places places, ContributionValidator validator, Audit audit, RightsMails mails,
            ContributionProperties contributionProperties, DataVersion dataVersion) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.records = records;
        this.erasure = erasure;
        this.publisher = publisher;
        this.places = places;
        this.validator = validator;
        this.audit = audit;
        this.mails = mails;
        this.contributionProperties = contributionProperties;
        this.dataVersion = dataVersion;
    }

    /** The open requests of the moderator's territories: overdue first, then by due date. */
    public List<RightsQueueItem> queue(Moderator moderator, int limit) {
        requireModerator(moderator);
        if (limit < 1 || limit > contributionProperties.queueLimitMax()) {
            throw new BadParameterException("limit", "Between 1 and " + contributionProperties.queueLimitMax());
        }
        OffsetDateTime now = OffsetDateTime.now();
        return jdbc.sql(QUEUE).paramSource(roles(moderator).addValue("limit", limit)).query((rs, i) -> {
            OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
            return new RightsQueueItem(rs.getLong("id"), rs.getString("kind"), rs.getString("record_kind"), rs.getLong("record_id"),
                    rs.getString("record_name"), corrections(rs.getString("corrections")), rs.getString("message"),
                    rs.getString("verified_by"), rs.getObject("created_at", OffsetDateTime.class),
                    rs.getObject("confirmed_at", OffsetDateTime.class), due, daysLeft(now, due), rs.getBoolean("overdue"),
                    rs.getObject("escalated_at", OffsetDateTime.class));
        }).list();
    }

    /** A decided request. */
    public record Decided(long id, String status, String outcome) {
    }

    /** Corrects, erases or refuses; mails the requester the outcome. */
    public Decided decide(Moderator moderator, long id, RightsDecision decision) {
        if (decision == null || decision.decision() == null || !List.of("correct", "erase", "refuse").contains(decision.decision())) {
            throw new BadParameterException("decision", "correct, erase or refuse");
        }
        ContributionValidator.text("reason", decision.reason(), 2000, true);
        boolean refuse = "refuse".equals(decision.decision());
        if (refuse && (decision.reason() == null || decision.reason().isBlank())) {
            throw new BadParameterException("reason", "Required to refuse: the requester is told why");
        }
        if (refuse && decision.fields() != null) {
            throw new BadParameterException("fields", "Only a correction or an erasure takes fields");
        }
        Item item = load(moderator, id);
        if (!"open".equals(item.status())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "This request is " + item.status() + " already");
        }
        String outcome = switch (decision.decision()) {
            case "correct" -> "corrected";
            case "erase" -> "erased";
            default -> "refused";
        };
        transactions.executeWithoutResult(tx -> {
            if (!refuse) {
                apply(moderator, item, decision);
            }
            if (jdbc.sql(DECIDE).param("id", id).param("outcome", outcome).param("answer", decision.reason())
                    .param("accountId", moderator.accountId()).query(Long.class).optional().isEmpty()) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "This request is closed already");
            }
            audit.record(moderator.accountId(), "rights-" + outcome, item.recordKind(), item.recordId(), null, null,
                    Map.of("rightsRequest", id, "by", "moderator"));
        });
        dataVersion.refresh();
        mails.outcome(item.requesterEmail(), outcome, "erased".equals(outcome) ? null : item.recordName(), decision.reason());
        return new Decided(id, refuse ? "refused" : "done", outcome);
    }

    /** Publishes the corrections and erases, inside the decision's transaction. */
    private void apply(Moderator moderator, Item item, RightsDecision decision) {
        RecordConcerned record = records.find(item.recordKind(), item.recordId()).orElse(null);
        if (record == null) {
            // Erased already (another request on the same record): nothing is left to erase.
            if ("erase".equals(decision.decision())) {
                return;
            }
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The record no longer exists or is hidden");
        }
        ProposedFields fields = decision.fields() != null ? decision.fields()
                : "correct".equals(decision.decision()) ? item.corrections() : null;
        if ("correct".equals(decision.decision()) && (fields == null || fields.isEmpty())) {
            throw new BadParameterException("fields", "Required: the values to publish (the request names none)");
        }
        boolean erasesRecord = "erase".equals(decision.decision()) && record.onlyPerson();
        if (fields != null && !fields.isEmpty() && !erasesRecord) {
            correct(moderator, item, record, fields);
        }
        if ("erase".equals(decision.decision())) {
            erasure.erase(record, moderator.accountId(), item.id());
        }
    }

    private void correct(Moderator moderator, Item item, RecordConcerned record, ProposedFields fields) {
        if ("person".equals(record.kind())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "A resource person corrects their listing from its own page; erase or refuse this request");
        }
        validator.fields("fields", record.kind(), fields, false);
        Place place = fields.hasPlace() ? places.of("fields", fields) : null;
        long contributionId = jdbc.sql(CORRECTION).param("id", item.id()).param("payload", JSON.writeValueAsString(fields))
                .param("accountId", moderator.accountId()).query(Long.class).single();
        List<String> changed = publisher.publishChange(record.kind(), record.id(), fields, place, contributionId, moderator.accountId());
        if (changed.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The record no longer exists or is hidden");
        }
        audit.record(moderator.accountId(), "modified", record.kind(), record.id(), contributionId, null,
                Map.of("fields", changed, "by", "moderator"));
    }

    /** Whole days until the due date (negative: whole days overdue): 29.5 days left is 29, 9.5 days overdue is -9. */
    static long daysLeft(OffsetDateTime now, OffsetDateTime due) {
        return due == null ? 0 : Duration.between(now, due).toDays();
    }

    private record Item(long id, String kind, String recordKind, long recordId, String recordName, ProposedFields corrections,
            String status, String requesterEmail) {
        @Override
        public String toString() {
            return "Item[id=" + id + ", kind=" + kind + ", status=" + status + "]";
        }
    }

    private Item load(Moderator moderator, long id) {
        requireModerator(moderator);
        Object[] found = jdbc.sql(ITEM).paramSource(roles(moderator).addValue("id", id))
                .query((rs, i) -> new Object[] {new Item(rs.getLong("id"), rs.getString("kind"), rs.getString("record_kind"),
                        rs.getLong("record_id"), rs.getString("record_name"), corrections(rs.getString("corrections")),
                        rs.getString("status"), rs.getString("requester_email")), rs.getBoolean("visible")})
                .optional().orElseThrow(() -> new NotFoundException("No rights request " + id));
        if (!(Boolean) found[1]) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This request is outside the territories you moderate");
        }
        return (Item) found[0];
    }

    private static ProposedFields corrections(String json) {
        if (json == null || "{}".equals(json)) {
            return null;
        }
        return JSON.readValue(json, ProposedFields.class);
    }

    private static void requireModerator(Moderator moderator) {
        if (moderator == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in");
        }
        if (!moderator.moderates()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only coordinators and admins moderate");
        }
    }

    private static MapSqlParameterSource roles(Moderator moderator) {
        // Kinds and codes are checked vocabulary and codes of the roles table, without commas.
        return new MapSqlParameterSource()
                .addValue("admin", moderator.admin())
                .addValue("roleKinds", moderator.territories().stream().map(Moderator.Territory::kind).collect(Collectors.joining(",")))
                .addValue("roleCodes", moderator.territories().stream().map(Moderator.Territory::code).collect(Collectors.joining(",")));
    }
}
