package org.atlascitoyen.mapservice.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.contribution.Audit;
import org.atlascitoyen.mapservice.contribution.ContributionProperties;
import org.atlascitoyen.mapservice.contribution.ContributionValidator;
import org.atlascitoyen.mapservice.contribution.Place;
import org.atlascitoyen.mapservice.contribution.Places;
import org.atlascitoyen.mapservice.contribution.ProposedFields;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The moderation queue: what coordinators see (the pending items inside their territories, by
 * escalation level), the field-by-field review, locks, and decisions. Refusals: 403 for an
 * account that moderates nothing or an item outside its territories, 404 for no such item, 409
 * for an item another moderator holds or that is decided already.
 */
@Service
public class ModerationService {

    private static final String VISIBLE = SqlResource.load("sql/moderation/visible.sql").replaceAll("(?m)^--.*\\n", "").strip();
    private static final String QUEUE = SqlResource.statement("sql/moderation/queue.sql").replace("${visible}", VISIBLE);
    private static final String ITEM = SqlResource.statement("sql/moderation/item.sql").replace("${visible}", VISIBLE);
    private static final String LOCK = SqlResource.statement("sql/moderation/lock.sql");
    private static final String DECIDE = SqlResource.statement("sql/moderation/decide.sql");
    private static final String CLOSE_REPORTS = SqlResource.statement("sql/moderation/close-reports.sql");
    private static final String ADD_OWNER = SqlResource.statement("sql/contribution/add-owner.sql");
    private static final Map<String, String> PUBLISHED = Map.of(
            "actor", SqlResource.statement("sql/moderation/published-actor.sql"),
            "initiative", SqlResource.statement("sql/moderation/published-initiative.sql"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Publisher publisher;
    private final Places places;
    private final ContributionValidator validator;
    private final Audit audit;
    private final DecisionMails mails;
    private final ContributionProperties properties;
    private final DataVersion dataVersion;
    /** The proposals of kinds with their own form, by record kind (persons...). */
    private final Map<String, KindProposals> ownForms;

    ModerationService(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions,
            Publisher publisher, Places places, ContributionValidator validator, Audit audit, DecisionMails mails,
            ContributionProperties properties, DataVersion dataVersion, List<KindProposals> ownForms) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.publisher = publisher;
        this.places = places;
        this.validator = validator;
        this.audit = audit;
        this.mails = mails;
        this.properties = properties;
        this.dataVersion = dataVersion;
        this.ownForms = ownForms.stream().collect(Collectors.toUnmodifiableMap(KindProposals::recordKind, k -> k));
    }

    /** The pending items of the moderator's territories, oldest first, after the cursor. */
    public QueuePage queue(Moderator moderator, long after, int limit) {
        requireModerator(moderator);
        if (limit < 1 || limit > properties.queueLimitMax()) {
            throw new BadParameterException("limit", "Between 1 and " + properties.queueLimitMax());
        }
        List<QueueItem> items = jdbc.sql(QUEUE).paramSource(roles(moderator).addValue("after", after).addValue("limit", limit + 1))
                .query((rs, i) -> new QueueItem(rs.getLong("id"), rs.getString("kind"), rs.getString("record_kind"),
                        rs.getObject("record_id", Long.class), rs.getString("name"), rs.getString("commune"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getInt("escalation_level"), rs.getBoolean("locked"),
                        rs.getBoolean("locked_by_me")))
                .list();
        Long next = items.size() > limit ? items.get(limit - 1).id() : null;
        return new QueuePage(items.size() > limit ? items.subList(0, limit) : items, next);
    }

    /** One item with its diff against the published record. */
    public ItemDetail item(Moderator moderator, long id) {
        Item item = load(moderator, id);
        ObjectNode payload = (ObjectNode) JSON.readTree(item.payload());
        String comment = text(payload, "comment");
        String reason = text(payload, "reason");
        KindProposals ownForm = "new".equals(item.kind()) ? ownForms.get(item.recordKind()) : null;
        List<FieldDiff> diff = ownForm != null ? ownForm.diff(item.payload()) : switch (item.kind()) {
            case "new", "change", "import_conflict" -> diff(item, fields(payload));
            default -> List.of();
        };
        String author = item.authorAccountId() == null ? "anonyme (adresse confirmée)" : "compte n°" + item.authorAccountId();
        boolean mine = item.lockedUntil() != null && item.lockedUntil().isAfter(OffsetDateTime.now())
                && Objects.equals(item.lockedBy(), moderator.accountId());
        return new ItemDetail(item.id(), item.kind(), item.recordKind(), item.recordId(), item.status(), item.createdAt(),
                item.escalationLevel(), author, diff, reason, comment, item.lockedUntil(), mine);
    }

    /** Locks an item for the moderator for the set minutes; 409 when another moderator holds it. */
    public OffsetDateTime lock(Moderator moderator, long id) {
        Item item = load(moderator, id);
        requirePending(item);
        return jdbc.sql(LOCK).param("id", id).param("accountId", moderator.accountId()).param("minutes", properties.lockMinutes())
                .query(OffsetDateTime.class).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "Another moderator is handling this item"));
    }

    /** A decided item: its new status and, for an approved new record, the record's id. */
    public record Decided(long id, String status, Long recordId) {
    }

    /** Approves (possibly with the moderator's values) or rejects an item. */
    public Decided decide(Moderator moderator, long id, Decision decision) {
        if (decision == null || !("approve".equals(decision.decision()) || "reject".equals(decision.decision()))) {
            throw new BadParameterException("decision", "approve or reject");
        }
        boolean approve = "approve".equals(decision.decision());
        if (!approve && (decision.reason() == null || decision.reason().isBlank())) {
            throw new BadParameterException("reason", "Required to reject: the author is told why");
        }
        ContributionValidator.text("reason", decision.reason(), 2000, true);
        if (decision.fields() != null && !approve) {
            throw new BadParameterException("fields", "Only an approval takes the moderator's values");
        }
        Item item = load(moderator, id);
        requirePending(item);
        String[] mailTo = new String[2];
        Decided decided = transactions.execute(tx -> {
            Long recordId = approve ? approve(moderator, item, decision.fields()) : reject(moderator, item);
            String status = approve ? "approved" : "rejected";
            List<String[]> authors = jdbc.sql(DECIDE).param("id", id).param("status", status).param("accountId", moderator.accountId())
                    .param("reason", decision.reason()).param("recordId", recordId)
                    .query((rs, i) -> new String[] {rs.getString("author_account_id"), rs.getString("author_email")}).list();
            if (authors.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "Another moderator is handling this item");
            }
            mailTo[0] = authors.get(0)[0];
            mailTo[1] = authors.get(0)[1];
            audit.record(moderator.accountId(), approve ? "approved" : "rejected", item.recordKind(), recordId, id, decision.reason(),
                    Map.of("kind", item.kind(), "by", "moderator"));
            return new Decided(id, status, recordId);
        });
        dataVersion.refresh();
        if (!"report".equals(item.kind())) {
            mails.decision(mailTo[0] == null ? null : Long.valueOf(mailTo[0]), mailTo[1], item.kind(), approve, decision.reason());
        }
        return decided;
    }

    private Long approve(Moderator moderator, Item item, ProposedFields edits) {
        String kind = item.recordKind();
        switch (item.kind()) {
            case "new" -> {
                KindProposals ownForm = ownForms.get(kind);
                if (ownForm != null) {
                    // A kind with its own form (a resource person's listing, with their perimeter...).
                    long recordId = ownForm.approve(item.payload(), edits, item.authorAccountId(), item.id());
                    audit.record(moderator.accountId(), "created", kind, recordId, item.id(), null, Map.of("by", "contributor"));
                    return recordId;
                }
                ProposedFields fields = fields((ObjectNode) JSON.readTree(item.payload())).with(edits);
                validator.fields("fields", kind, fields, true);
                Place place = places.of("fields", fields);
                long recordId = publisher.publishNew(kind, fields, place, item.id(), moderator.accountId());
                audit.record(moderator.accountId(), "created", kind, recordId, item.id(), null,
                        Map.of("fields", List.copyOf(FieldValues.of(fields).keySet()), "by", "contributor"));
                return recordId;
            }
            case "change", "import_conflict" -> {
                ProposedFields fields = fields((ObjectNode) JSON.readTree(item.payload())).with(edits);
                validator.fields("fields", kind, fields, false);
                Place place = fields.hasPlace() ? places.of("fields", fields) : null;
                List<String> changed = publisher.publishChange(kind, item.recordId(), fields, place, item.id(), moderator.accountId());
                if (changed.isEmpty()) {
                    throw new ResponseStatusException(HttpStatus.CONFLICT, "The record no longer exists or is hidden");
                }
                audit.record(moderator.accountId(), "modified", kind, item.recordId(), item.id(), null,
                        Map.of("fields", changed, "by", "contributor"));
                return item.recordId();
            }
            case "claim" -> {
                if (item.authorAccountId() != null) {
                    jdbc.sql(ADD_OWNER).param("recordKind", kind).param("recordId", item.recordId())
                            .param("accountId", item.authorAccountId()).param("contributionId", item.id()).update();
                }
                audit.record(moderator.accountId(), "claimed", kind, item.recordId(), item.id(), null, Map.of("by", "moderator"));
                return item.recordId();
            }
            default -> {
                // report upheld: the record goes, with the other reports on it
                publisher.remove(kind, item.recordId(), moderator.accountId());
                closeReports(moderator, item, "approved");
                audit.record(moderator.accountId(), "removed", kind, item.recordId(), item.id(), null, Map.of("by", "moderator"));
                return item.recordId();
            }
        }
    }

    private Long reject(Moderator moderator, Item item) {
        if ("report".equals(item.kind())) {
            // Dismissed: the record is published again if the reports had hidden it.
            if (places.find(item.recordKind(), item.recordId()).filter(Places.RecordPlace::hidden).isPresent()) {
                publisher.restore(item.recordKind(), item.recordId());
                audit.record(moderator.accountId(), "restored", item.recordKind(), item.recordId(), item.id(), null,
                        Map.of("by", "moderator"));
            }
            closeReports(moderator, item, "rejected");
        }
        return item.recordId();
    }

    private void closeReports(Moderator moderator, Item item, String status) {
        jdbc.sql(CLOSE_REPORTS).param("status", status).param("accountId", moderator.accountId()).param("reason", "même décision que #" + item.id())
                .param("recordKind", item.recordKind()).param("recordId", item.recordId()).param("id", item.id()).update();
    }

    private List<FieldDiff> diff(Item item, ProposedFields proposed) {
        Map<String, Object> published = item.recordId() == null ? Map.of() : published(item.recordKind(), item.recordId());
        List<FieldDiff> diff = new ArrayList<>();
        for (Map.Entry<String, Object> field : FieldValues.of(proposed).entrySet()) {
            Object old = published.get(field.getKey());
            Object value = field.getValue();
            if ("place".equals(field.getKey()) && old instanceof Map<?, ?> oldPlace && value instanceof Map<?, ?> newPlace
                    && newPlace.containsKey("commune")) {
                old = Map.of("commune", String.valueOf(oldPlace.get("commune")));
            }
            diff.add(new FieldDiff(field.getKey(), old, value, !Objects.equals(normal(old), normal(value))));
        }
        return diff;
    }

    private static Object normal(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).sorted().toList() : value;
    }

    private Map<String, Object> published(String kind, long id) {
        return jdbc.sql(PUBLISHED.get(kind)).param("id", id).query((rs, i) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("name", rs.getString("name"));
            values.put("type", rs.getString("type"));
            values.put("status", rs.getString("status"));
            values.put("themes", Arrays.asList((String[]) rs.getArray("themes").getArray()));
            values.put("description", rs.getString("description"));
            values.put("lessonsLearned", rs.getString("lessons_learned"));
            values.put("startDate", rs.getString("start_date"));
            values.put("endDate", rs.getString("end_date"));
            values.put("website", rs.getString("website"));
            values.put("address", rs.getString("address"));
            values.put("postcode", rs.getString("postcode"));
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("lon", Math.round(rs.getDouble("lon") * 1e6) / 1e6);
            place.put("lat", Math.round(rs.getDouble("lat") * 1e6) / 1e6);
            place.put("commune", rs.getString("commune"));
            values.put("place", place);
            return values;
        }).optional().orElse(Map.of());
    }

    private static ProposedFields fields(ObjectNode payload) {
        ObjectNode copy = payload.deepCopy();
        copy.remove("comment");
        copy.remove("reason");
        return JSON.treeToValue(copy, ProposedFields.class);
    }

    private static String text(JsonNode payload, String member) {
        JsonNode value = payload.get(member);
        return value == null || value.isNull() ? null : value.asString();
    }

    private record Item(long id, String kind, String recordKind, Long recordId, String status, String payload,
            OffsetDateTime createdAt, int escalationLevel, Long lockedBy, OffsetDateTime lockedUntil, Long authorAccountId) {
    }

    private Item load(Moderator moderator, long id) {
        requireModerator(moderator);
        Object[] found = jdbc.sql(ITEM).paramSource(roles(moderator).addValue("id", id))
                .query((rs, i) -> new Object[] {item(rs), rs.getBoolean("visible")}).optional()
                .orElseThrow(() -> new NotFoundException("No contribution " + id));
        if (!(Boolean) found[1]) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This contribution is outside the territories you moderate");
        }
        return (Item) found[0];
    }

    private static Item item(ResultSet rs) throws SQLException {
        return new Item(rs.getLong("id"), rs.getString("kind"), rs.getString("record_kind"), rs.getObject("record_id", Long.class),
                rs.getString("status"), rs.getString("payload"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getInt("escalation_level"), rs.getObject("locked_by", Long.class),
                rs.getObject("locked_until", OffsetDateTime.class), rs.getObject("author_account_id", Long.class));
    }

    private static void requirePending(Item item) {
        if (!"pending".equals(item.status())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "This contribution is " + item.status() + " already");
        }
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
                .addValue("accountId", moderator.accountId())
                .addValue("roleKinds", moderator.territories().stream().map(Moderator.Territory::kind).collect(Collectors.joining(",")))
                .addValue("roleCodes", moderator.territories().stream().map(Moderator.Territory::code).collect(Collectors.joining(",")));
    }
}
