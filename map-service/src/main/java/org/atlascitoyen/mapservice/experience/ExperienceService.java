package org.atlascitoyen.mapservice.experience;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.contribution.Audit;
import org.atlascitoyen.mapservice.contribution.Place;
import org.atlascitoyen.mapservice.contribution.ProposedFields;
import org.atlascitoyen.mapservice.moderation.FieldDiff;
import org.atlascitoyen.mapservice.moderation.KindProposals;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proposing a retour d'expérience (into the moderation queue of the coordinators of its place's
 * territories, as a contribution of kind {@code new} and record kind {@code experience}) and, for
 * the moderation side, its diff and its publication once approved. Failures are proposed and
 * published as any other outcome: nothing here rates or ranks them.
 */
@Service
public class ExperienceService implements KindProposals {

    private static final String INSERT_PROPOSAL = SqlResource.statement("sql/experience/insert-proposal.sql");
    private static final String PLACE_OF_POINT = SqlResource.load("sql/contribution/place-of-point.sql");
    private static final String PLACE_OF_COMMUNE = SqlResource.load("sql/contribution/place-of-commune.sql");
    private static final String PLACE_OF_TERRITORY = SqlResource.load("sql/experience/place-of-territory.sql");
    private static final String UNKNOWN_ACTORS = SqlResource.statement("sql/experience/unknown-actors.sql");
    private static final String INITIATIVE_EXISTS = SqlResource.statement("sql/experience/initiative-exists.sql");
    private static final String INSERT = SqlResource.statement("sql/experience/insert-experience.sql");
    private static final String INSERT_ACTORS = SqlResource.statement("sql/experience/insert-actors.sql");
    private static final String ADD_OWNER = SqlResource.statement("sql/contribution/add-owner.sql");
    private static final String BUMP = SqlResource.statement("sql/moderation/bump.sql");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ExperienceValidator validator;
    private final Audit audit;

    ExperienceService(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions,
            ExperienceValidator validator, Audit audit) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.validator = validator;
        this.audit = audit;
    }

    /** What {@code POST /api/experiences} answers: the proposal's id and its status ({@code pending}). */
    public record Accepted(long id, String status) {
    }

    /** Where a proposal or an experience lies: the commune's keys, its point, and the territory it names. */
    private record Located(Place place, String territoryKind, String territoryCode) {
    }

    void checkRequest(ExperienceRequest request) {
        validator.check(request);
    }

    /** Proposes an experience: 202 pending, a moderator of its territory decides. */
    public Accepted submit(ExperienceRequest request, long accountId) {
        validator.check(request);
        Place place = locate(request).place();
        known(request);
        return transactions.execute(tx -> {
            long id = jdbc.sql(INSERT_PROPOSAL).param("payload", JSON.writeValueAsString(request.proposal()))
                    .param("accountId", accountId).param("charterVersion", request.charterVersion())
                    .param("commune", place.commune()).param("epci", place.epci()).param("petr", place.petr())
                    .param("bassinVie", place.bassinVie()).param("departement", place.departement())
                    .param("region", place.region()).query(Long.class).single();
            audit.record(accountId, "proposed", "experience", null, id, null, Map.of("kind", "new"));
            return new Accepted(id, "pending");
        });
    }

    @Override
    public String recordKind() {
        return "experience";
    }

    /** The moderation side: the fields a proposal shows, as a diff against nothing. */
    @Override
    public List<FieldDiff> diff(String payload) {
        ExperienceRequest r = JSON.readValue(payload, ExperienceRequest.class);
        List<FieldDiff> diff = new ArrayList<>();
        add(diff, "name", r.name());
        add(diff, "outcome", r.outcome());
        add(diff, "themes", r.themes());
        add(diff, "description", r.description());
        add(diff, "happened", r.happened());
        add(diff, "differently", r.differently());
        add(diff, "carriedBy", r.carriedBy());
        add(diff, "actorIds", r.actorIds());
        add(diff, "startedOn", r.startedOn());
        add(diff, "endedOn", r.endedOn());
        add(diff, "place", r.lon() != null ? Map.of("lon", r.lon(), "lat", r.lat())
                : r.commune() != null ? Map.of("commune", r.commune()) : r.territory() == null ? null : Map.of("territory", r.territory()));
        add(diff, "publicReached", r.publicReached());
        add(diff, "means", r.means());
        add(diff, "partners", r.partners());
        add(diff, "evidenceLinks", r.evidenceLinks());
        add(diff, "initiativeId", r.initiativeId());
        add(diff, "website", r.website());
        return diff;
    }

    /**
     * The moderation side: publishes an approved proposal, with the moderator's values (name,
     * themes, description, website) in place of the proposed ones when given; the author owns it.
     */
    @Override
    public long approve(String payload, ProposedFields edits, Long authorAccountId, long contributionId) {
        ExperienceRequest r = JSON.readValue(payload, ExperienceRequest.class);
        if (edits != null) {
            r = new ExperienceRequest(pick(edits.name(), r.name()), pick(edits.description(), r.description()),
                    pick(edits.themes(), r.themes()), r.commune(), r.lon(), r.lat(), r.territory(), r.carriedBy(), r.actorIds(),
                    r.startedOn(), r.endedOn(), r.happened(), r.differently(), r.outcome(), r.publicReached(), r.means(),
                    r.partners(), r.evidenceLinks(), r.initiativeId(), pick(edits.website(), r.website()), null);
        }
        validator.experience(r);
        Located where = locate(r);
        Place place = where.place();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("name", r.name()).addValue("outcome", r.outcome())
                .addValue("themes", JSON.writeValueAsString(r.themes())).addValue("description", r.description())
                .addValue("happened", r.happened()).addValue("differently", r.differently())
                .addValue("carriedBy", blankToNull(r.carriedBy())).addValue("startedOn", r.startedOn())
                .addValue("endedOn", blankToNull(r.endedOn())).addValue("publicReached", blankToNull(r.publicReached()))
                .addValue("means", blankToNull(r.means())).addValue("partners", blankToNull(r.partners()))
                .addValue("evidenceLinks", JSON.writeValueAsString(r.evidenceLinks() == null ? List.of() : r.evidenceLinks()))
                .addValue("initiativeId", r.initiativeId()).addValue("website", blankToNull(r.website()))
                .addValue("lon", place.lon()).addValue("lat", place.lat()).addValue("precision", place.precision())
                .addValue("territoryKind", where.territoryKind()).addValue("territoryCode", where.territoryCode())
                .addValue("commune", place.commune()).addValue("epci", place.epci()).addValue("petr", place.petr())
                .addValue("bassinVie", place.bassinVie()).addValue("departement", place.departement())
                .addValue("region", place.region());
        long id = jdbc.sql(INSERT).paramSource(params).query(Long.class).single();
        if (r.actorIds() != null && !r.actorIds().isEmpty()) {
            jdbc.sql(INSERT_ACTORS).param("id", id).param("actorIds", ids(r.actorIds())).update();
        }
        if (authorAccountId != null) {
            jdbc.sql(ADD_OWNER).param("recordKind", "experience").param("recordId", id).param("accountId", authorAccountId)
                    .param("contributionId", contributionId).update();
        }
        jdbc.sql(BUMP).update();
        return id;
    }

    /** The place of a request: its point, its commune's point, or its territory's point; 400 when not in the region. */
    private Located locate(ExperienceRequest r) {
        if (r.lon() != null) {
            return new Located(jdbc.sql(PLACE_OF_POINT).param("lon", r.lon()).param("lat", r.lat()).query(ExperienceService::place)
                    .optional().orElseThrow(() -> new BadParameterException("lon", "This point is not in a commune of the region")),
                    null, null);
        }
        if (r.commune() != null) {
            return new Located(jdbc.sql(PLACE_OF_COMMUNE).param("commune", r.commune()).query(ExperienceService::place).optional()
                    .orElseThrow(() -> new BadParameterException("commune", "Not a commune of the region")), null, null);
        }
        int colon = r.territory().indexOf(':');
        String kind = r.territory().substring(0, colon);
        String code = r.territory().substring(colon + 1);
        Place place = jdbc.sql(PLACE_OF_TERRITORY).param("kind", kind).param("code", code).query(ExperienceService::place)
                .optional().orElseThrow(() -> new BadParameterException("territory", "No such territory: " + r.territory()));
        return new Located(place, kind, code);
    }

    /** The actors and the initiative named exist (400 naming the member otherwise). */
    private void known(ExperienceRequest r) {
        if (r.actorIds() != null && !r.actorIds().isEmpty()) {
            List<Long> unknown = jdbc.sql(UNKNOWN_ACTORS).param("ids", ids(r.actorIds())).query(Long.class).list();
            if (!unknown.isEmpty()) {
                throw new BadParameterException("actorIds", "No actor with id " + unknown.stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")));
            }
        }
        if (r.initiativeId() != null && !jdbc.sql(INITIATIVE_EXISTS).param("id", r.initiativeId()).query(Boolean.class).single()) {
            throw new BadParameterException("initiativeId", "No initiative with id " + r.initiativeId());
        }
    }

    private static Place place(ResultSet rs, int row) throws SQLException {
        return new Place(rs.getString("commune"), rs.getString("epci"), rs.getString("petr"), rs.getString("bassin_vie"),
                rs.getString("departement"), rs.getString("region"), rs.getDouble("lon"), rs.getDouble("lat"),
                rs.getString("precision"));
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static <T> T pick(T edited, T proposed) {
        return edited != null ? edited : proposed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void add(List<FieldDiff> diff, String field, Object value) {
        if (value != null) {
            diff.add(new FieldDiff(field, null, value, true));
        }
    }
}
