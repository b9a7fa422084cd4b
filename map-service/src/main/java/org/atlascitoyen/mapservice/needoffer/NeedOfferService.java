package org.atlascitoyen.mapservice.needoffer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.contribution.Audit;
import org.atlascitoyen.mapservice.contribution.ContributionProperties;
import org.atlascitoyen.mapservice.contribution.ProposedFields;
import org.atlascitoyen.mapservice.moderation.FieldDiff;
import org.atlascitoyen.mapservice.moderation.KindProposals;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.DataVersion;
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
 * Needs and offers on the write side: posting one (into the moderation queue of the coordinators
 * of the territory it is placed in), its author's list and closing; for the moderation side, the
 * diff and the publication of an approved announcement.
 */
@Service
public class NeedOfferService implements KindProposals {

    private static final String SKILLS = SqlResource.statement("sql/need-offer/skill-codes.sql");
    private static final String RESOURCE = SqlResource.statement("sql/need-offer/resource-exists.sql");
    private static final String UNKNOWN = SqlResource.statement("sql/need-offer/unknown-territories.sql");
    private static final String OF_ACTOR = SqlResource.statement("sql/need-offer/place-of-actor.sql");
    private static final String OF_TERRITORY = SqlResource.statement("sql/need-offer/place-of-territory.sql");
    private static final String INSERT_PROPOSAL = SqlResource.statement("sql/need-offer/insert-proposal.sql");
    private static final String INSERT = SqlResource.statement("sql/need-offer/insert.sql");
    private static final List<String> SATELLITES = SqlResource.statements("sql/need-offer/insert-satellites.sql");
    private static final String MINE = SqlResource.statement("sql/need-offer/mine.sql");
    private static final String CLOSE = SqlResource.statement("sql/need-offer/close.sql");
    private static final String ARCHIVE = SqlResource.statement("sql/need-offer/archive.sql");
    private static final String ADD_OWNER = SqlResource.statement("sql/contribution/add-owner.sql");
    private static final String BUMP = SqlResource.statement("sql/moderation/bump.sql");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final NeedOfferValidator validator;
    private final Audit audit;
    private final ContributionProperties contributions;
    private final DataVersion dataVersion;

    NeedOfferService(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions,
            NeedOfferValidator validator, Audit audit, ContributionProperties contributions, DataVersion dataVersion) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.validator = validator;
        this.audit = audit;
        this.contributions = contributions;
        this.dataVersion = dataVersion;
    }

    /** What {@code POST /api/needs-offers} answers: the proposal's id and its status (pending). */
    public record Accepted(long id, String status) {
    }

    /**
     * One of the account's announcements: {@code id} once published (null while it waits or when
     * refused), {@code contributionId} while it waits; {@code status} pending, rejected, open,
     * expired or closed.
     */
    public record Mine(Long id, Long contributionId, String name, String nature, String validUntil, String status,
            String decisionReason, OffsetDateTime createdAt) {
    }

    /** The account's announcements, as {@code {items}}. */
    public record MineList(List<Mine> items) {
    }

    /** Checks and normalises a posted announcement: skills as codes, the last day set. */
    NeedOfferRequest checked(NeedOfferRequest request) {
        LocalDate lastDay = validator.check(request);
        if (!jdbc.sql(RESOURCE).param("resource", request.resource()).query(Boolean.class).single()) {
            throw new BadParameterException("resource", "Not a code of need_offer_resource: " + request.resource());
        }
        knownTerritories(request.perimeter());
        return request.with(skillCodes(request.skills()), lastDay.toString());
    }

    /** Posts an announcement: a proposal pending in the queue of the coordinators of its territory. */
    public Accepted submit(NeedOfferRequest posted, long accountId) {
        NeedOfferRequest request = checked(posted);
        NeedOfferPlace place = place(request, accountId);
        return transactions.execute(tx -> {
            long id = jdbc.sql(INSERT_PROPOSAL).param("payload", JSON.writeValueAsString(request)).param("accountId", accountId)
                    .param("charterVersion", contributions.charterVersion()).param("commune", place.commune())
                    .param("epci", place.epci()).param("petr", place.petr()).param("bassinVie", place.bassinVie())
                    .param("departement", place.departement()).param("region", place.region()).query(Long.class).single();
            audit.record(accountId, "proposed", "need_offer", null, id, null, Map.of("kind", "new"));
            return new Accepted(id, "pending");
        });
    }

    /** The account's announcements, waiting, published and ended, newest first. */
    public MineList mine(long accountId) {
        return new MineList(jdbc.sql(MINE).param("accountId", accountId).query(NeedOfferService::mine).list());
    }

    /** Its author closes an announcement: it leaves the map and every read at once. 404 when not theirs or not open. */
    public void close(long id, long accountId) {
        transactions.executeWithoutResult(tx -> {
            if (jdbc.sql(CLOSE).param("id", id).param("accountId", accountId).query(Long.class).optional().isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucune annonce ouverte n°" + id + " parmi les vôtres");
            }
            jdbc.sql(ARCHIVE).param("id", id).update();
            audit.record(accountId, "closed", "need_offer", id, null, null, Map.of("by", "owner"));
            jdbc.sql(BUMP).update();
        });
        dataVersion.refresh();
    }

    @Override
    public String recordKind() {
        return "need_offer";
    }

    @Override
    public List<FieldDiff> diff(String payload) {
        NeedOfferRequest r = JSON.readValue(payload, NeedOfferRequest.class);
        List<FieldDiff> diff = new ArrayList<>();
        add(diff, "name", r.title());
        add(diff, "nature", r.nature());
        add(diff, "resource", r.resource());
        add(diff, "skills", r.skills());
        add(diff, "themes", r.themes());
        add(diff, "description", r.description());
        add(diff, "perimeter", r.perimeter());
        add(diff, "validUntil", r.validUntil());
        add(diff, "actorId", r.actorId());
        add(diff, "authorName", r.authorName());
        add(diff, "relayEnabled", r.relayEnabled());
        return diff;
    }

    /**
     * Publishes an approved announcement (the moderator may correct its name, themes and
     * description): the row at its place, its perimeter, its author's account and address (the
     * relay's), the author as its owner.
     */
    @Override
    public long approve(String payload, ProposedFields edits, Long authorAccountId, long contributionId) {
        if (authorAccountId == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The author deleted their account: reject this announcement");
        }
        NeedOfferRequest r = JSON.readValue(payload, NeedOfferRequest.class);
        if (edits != null) {
            r = r.edited(edits.name(), edits.themes(), edits.description());
        }
        validator.check(new NeedOfferRequest(r.title(), r.nature(), r.resource(), r.skills(), r.themes(), r.description(),
                r.perimeter(), null, r.actorId(), r.authorName(), r.relayEnabled()));
        NeedOfferPlace place = place(r, authorAccountId);
        long id = jdbc.sql(INSERT).paramSource(new MapSqlParameterSource()
                .addValue("name", r.title().strip()).addValue("nature", r.nature()).addValue("resource", r.resource())
                .addValue("skills", r.skills() == null || r.skills().isEmpty() ? null : String.join(",", r.skills()))
                .addValue("themes", String.join(",", r.themes())).addValue("description", blankToNull(r.description()))
                .addValue("actorId", r.actorId())
                .addValue("authorName", place.actorName() != null ? place.actorName() : r.authorName().strip())
                .addValue("lon", place.lon()).addValue("lat", place.lat()).addValue("precision", place.precision())
                .addValue("territoryKind", place.territoryKind()).addValue("territoryCode", place.territoryCode())
                .addValue("commune", place.commune()).addValue("epci", place.epci()).addValue("petr", place.petr())
                .addValue("bassinVie", place.bassinVie()).addValue("departement", place.departement())
                .addValue("region", place.region()).addValue("validUntil", r.validUntil())
                .addValue("relayEnabled", r.relayEnabled() == null || r.relayEnabled())).query(Long.class).single();
        StringBuilder kinds = new StringBuilder();
        StringBuilder codes = new StringBuilder();
        for (String key : r.perimeter()) {
            int colon = key.indexOf(':');
            kinds.append(kinds.isEmpty() ? "" : ",").append(key, 0, colon);
            codes.append(codes.isEmpty() ? "" : ",").append(key.substring(colon + 1));
        }
        for (String sql : SATELLITES) {
            jdbc.sql(sql).param("id", id).param("kinds", kinds.toString()).param("codes", codes.toString())
                    .param("accountId", authorAccountId).update();
        }
        jdbc.sql(ADD_OWNER).param("recordKind", "need_offer").param("recordId", id).param("accountId", authorAccountId)
                .param("contributionId", contributionId).update();
        jdbc.sql(BUMP).update();
        return id;
    }

    /** The actor's point when posted for an actor the account manages, else the perimeter's first territory's. */
    private NeedOfferPlace place(NeedOfferRequest r, long accountId) {
        if (r.actorId() != null) {
            return jdbc.sql(OF_ACTOR).param("actorId", r.actorId()).param("accountId", accountId)
                    .query((rs, i) -> place(rs, rs.getString("name"))).optional()
                    .orElseThrow(() -> new BadParameterException("actorId", "Not an actor you manage: post in your own name"));
        }
        String first = r.perimeter().get(0);
        int colon = first.indexOf(':');
        return jdbc.sql(OF_TERRITORY).param("kind", first.substring(0, colon)).param("code", first.substring(colon + 1))
                .query((rs, i) -> place(rs, null)).optional()
                .orElseThrow(() -> new BadParameterException("perimeter", "No point for " + first));
    }

    private static NeedOfferPlace place(ResultSet rs, String actorName) throws SQLException {
        return new NeedOfferPlace(rs.getString("precision"), rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("territory_kind"),
                rs.getString("territory_code"), rs.getString("commune"), rs.getString("epci"), rs.getString("petr"),
                rs.getString("bassin_vie"), rs.getString("departement"), rs.getString("region"), actorName);
    }

    private List<String> skillCodes(List<String> words) {
        if (words == null || words.isEmpty()) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        jdbc.sql(SKILLS).param("words", String.join(SEPARATOR, words.stream().map(String::strip).toList())).query(rs -> {
            String code = rs.getString("code");
            if (code == null) {
                throw new BadParameterException("skills", "Not a known skill: " + rs.getString("word"));
            }
            if (!codes.contains(code)) {
                codes.add(code);
            }
        });
        return codes;
    }

    private void knownTerritories(List<String> perimeter) {
        List<String> kinds = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (String key : perimeter) {
            int colon = key.indexOf(':');
            kinds.add(key.substring(0, colon));
            codes.add(key.substring(colon + 1));
        }
        List<String> unknown = jdbc.sql(UNKNOWN).param("kinds", String.join(",", kinds)).param("codes", String.join(",", codes))
                .query(String.class).list();
        if (!unknown.isEmpty()) {
            throw new BadParameterException("perimeter", "No such territory: " + String.join(", ", unknown));
        }
    }

    private static Mine mine(ResultSet rs, int row) throws SQLException {
        return new Mine(rs.getObject("id", Long.class), rs.getObject("contribution_id", Long.class), rs.getString("name"),
                rs.getString("nature"), rs.getString("valid_until"), rs.getString("status"), rs.getString("decision_reason"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static void add(List<FieldDiff> diff, String field, Object value) {
        if (value != null) {
            diff.add(new FieldDiff(field, null, value, true));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
