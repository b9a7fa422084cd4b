package org.atlascitoyen.mapservice.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.contribution.Audit;
import org.atlascitoyen.mapservice.contribution.Place;
import org.atlascitoyen.mapservice.contribution.Places;
import org.atlascitoyen.mapservice.contribution.ProposedFields;
import org.atlascitoyen.mapservice.moderation.FieldDiff;
import org.atlascitoyen.mapservice.moderation.KindProposals;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events proposed by signed-in persons: into the moderation queue of the coordinators of their
 * commune's territories as a {@code new} contribution on record kind {@code event}; and, for the
 * moderation side, their diff and their publication once approved (the author owns the event).
 */
@Service
public class EventService implements KindProposals {

    private static final String INSERT_PROPOSAL = SqlResource.statement("sql/event/insert-proposal.sql");
    private static final String INSERT_EVENT = SqlResource.statement("sql/event/insert-event.sql");
    private static final String INSERT_ORGANISER = SqlResource.statement("sql/event/insert-organiser.sql");
    private static final String ORGANISERS = SqlResource.statement("sql/event/organisers.sql");
    private static final String ADD_OWNER = SqlResource.statement("sql/contribution/add-owner.sql");
    private static final String BUMP = SqlResource.statement("sql/moderation/bump.sql");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventValidator validator;
    private final Places places;
    private final Audit audit;

    EventService(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions,
                 EventValidator validator, Places places, Audit audit) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.validator = validator;
        this.places = places;
        this.audit = audit;
    }

    /** What {@code POST /api/events} answers: the proposal's id and its status ({@code pending}). */
    public record Accepted(long id, String status) {
    }

    void check(EventRequest request) {
        validator.check(request);
    }

    /** Proposes an event: pending until a coordinator of its territory decides. */
    public Accepted submit(EventRequest request, long accountId) {
        validator.check(request);
        Place place = place(request);
        long id = transactions.execute(tx -> {
            long contribution = jdbc.sql(INSERT_PROPOSAL).param("payload", JSON.writeValueAsString(request))
                    .param("accountId", accountId).param("commune", place.commune()).param("epci", place.epci())
                    .param("petr", place.petr()).param("bassinVie", place.bassinVie())
                    .param("departement", place.departement()).param("region", place.region()).query(Long.class).single();
            audit.record(accountId, "proposed", "event", null, contribution, null, Map.of("kind", "new"));
            return contribution;
        });
        return new Accepted(id, "pending");
    }

    @Override
    public String recordKind() {
        return "event";
    }

    @Override
    public List<FieldDiff> diff(String payload) {
        EventRequest r = JSON.readValue(payload, EventRequest.class);
        List<FieldDiff> diff = new ArrayList<>();
        add(diff, "name", r.name());
        add(diff, "eventType", r.eventType());
        add(diff, "themes", r.themes());
        add(diff, "description", r.description());
        add(diff, "startsAt", r.startsAt());
        add(diff, "endsAt", r.endsAt());
        add(diff, "allDay", r.allDay());
        add(diff, "placeName", r.placeName());
        add(diff, "address", r.address());
        add(diff, "place", r.lon() != null ? Map.of("lon", r.lon(), "lat", r.lat()) : r.commune() == null ? null : Map.of("commune", r.commune()));
        add(diff, "onlineUrl", r.onlineUrl());
        add(diff, "website", r.website());
        add(diff, "organisers", r.organisers());
        return diff;
    }

    /**
     * Publishes an approved proposal, with the moderator's name, themes, description, website and
     * address in place of the proposed ones when given; its author owns it.
     */
    @Override
    public long approve(String payload, ProposedFields edits, Long authorAccountId, long contributionId) {
        EventRequest r = JSON.readValue(payload, EventRequest.class);
        if (edits != null) {
            r = new EventRequest(pick(edits.name(), r.name()), r.eventType(), pick(edits.themes(), r.themes()),
                    pick(edits.description(), r.description()), r.startsAt(), r.endsAt(), r.allDay(), r.lon(), r.lat(),
                    r.commune(), r.onlineUrl(), r.placeName(), pick(edits.address(), r.address()),
                    pick(edits.website(), r.website()), r.organisers());
        }
        EventValidator.Times times = validator.check(r);
        Place place = place(r);
        long id = jdbc.sql(INSERT_EVENT).param("name", r.name().strip()).param("eventType", r.eventType())
                .param("themes", r.themes() == null || r.themes().isEmpty() ? null : String.join(",", r.themes()))
                .param("description", blankToNull(r.description())).param("startsAt", times.startsAt())
                .param("endsAt", times.endsAt()).param("allDay", times.allDay()).param("placeName", blankToNull(r.placeName()))
                .param("onlineUrl", blankToNull(r.onlineUrl())).param("website", blankToNull(r.website()))
                .param("address", blankToNull(r.address())).param("lon", r.lon()).param("lat", r.lat())
                .param("commune", place.commune()).query(Long.class).single();
        for (Long actor : r.organisers() == null ? List.<Long>of() : r.organisers()) {
            jdbc.sql(INSERT_ORGANISER).param("eventId", id).param("actorId", actor).update();
        }
        if (authorAccountId != null) {
            jdbc.sql(ADD_OWNER).param("recordKind", "event").param("recordId", id).param("accountId", authorAccountId)
                    .param("contributionId", contributionId).update();
        }
        jdbc.sql(BUMP).update();
        return id;
    }

    /** The proposal's commune: of its point, its commune, else of its first organiser (online events). */
    private Place place(EventRequest r) {
        if (r.lon() != null || r.commune() != null) {
            return places.of("place", new ProposedFields(null, null, null, null, null, null, null, null, null, null, null,
                    r.lon(), r.lat(), r.commune()));
        }
        String commune = jdbc.sql(ORGANISERS).param("ids", r.organisers().toArray(new Long[0]))
                .query((rs, i) -> rs.getString("commune")).list().stream().filter(c -> c != null).findFirst()
                .orElseThrow(() -> new BadParameterException("organisers", "Aucune structure organisatrice connue ne situe cet événement en ligne"));
        return places.of("organisers", new ProposedFields(null, null, null, null, null, null, null, null, null, null, null,
                null, null, commune));
    }

    private static <T> T pick(T edited, T proposed) {
        return edited != null ? edited : proposed;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void add(List<FieldDiff> diff, String field, Object value) {
        if (value != null) {
            diff.add(new FieldDiff(field, null, value, true));
        }
    }
}
