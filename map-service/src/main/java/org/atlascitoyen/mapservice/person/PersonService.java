package org.atlascitoyen.mapservice.person;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.contribution.Audit;
import org.atlascitoyen.mapservice.contribution.Place;
import org.atlascitoyen.mapservice.contribution.Places;
import org.atlascitoyen.mapservice.contribution.ProposedFields;
import org.atlascitoyen.mapservice.contribution.Tokens;
import org.atlascitoyen.mapservice.moderation.FieldDiff;
import org.atlascitoyen.mapservice.moderation.KindProposals;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.DataVersion;
import org.atlascitoyen.mapservice.system.SqlArrays;
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
 * A person's own listing: proposing it with their consent (into the moderation queue of the
 * coordinators of the permanence's territory), editing it (published at once: they own it),
 * turning the relay off, withdrawing; and, for the moderation side, the diff and the publication
 * of an approved proposal.
 */
@Service
public class PersonService implements KindProposals {

    /** The page (and endpoint) consent is given through, stored with it. */
    static final String FORM = "/personne-ressource.html (POST /api/persons/me)";

    private static final String INSERT_PROPOSAL = SqlResource.statement("sql/person/insert-proposal.sql");
    private static final String INSERT_CONSENT = SqlResource.statement("sql/person/insert-consent.sql");
    private static final String PENDING = SqlResource.statement("sql/person/pending-of-account.sql");
    private static final String OF_ACCOUNT = SqlResource.statement("sql/person/of-account.sql");
    private static final String UNKNOWN = SqlResource.statement("sql/person/unknown-territories.sql");
    private static final String MINE = SqlResource.statement("sql/person/mine.sql");
    private static final String RECONFIRM_TOKEN = SqlResource.statement("sql/person/reconfirm-token.sql");
    private static final List<String> RECONFIRMED = SqlResource.statements("sql/person/reconfirmed.sql");
    /** The page re-confirmation is given through. */
    static final String RECONFIRM_FORM = "/personne-ressource.html#confirmer (POST /api/persons/reconfirm)";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PersonValidator validator;
    private final PersonPublisher publisher;
    private final Places places;
    private final Audit audit;
    private final PersonProperties properties;
    private final DataVersion dataVersion;

    PersonService(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions,
            PersonValidator validator, PersonPublisher publisher, Places places, Audit audit, PersonProperties properties,
            DataVersion dataVersion) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.validator = validator;
        this.publisher = publisher;
        this.places = places;
        this.audit = audit;
        this.properties = properties;
        this.dataVersion = dataVersion;
    }

    /** What {@code POST /api/persons/me} answers: the proposal's or the listing's id and its status. */
    public record Accepted(long id, String status) {
    }

    /** A listing of the account and whether it is hidden. */
    private record Listing(long id, boolean hidden) {
    }

    void checkRequest(PersonRequest request) {
        validator.check(request);
    }

    /**
     * Proposes the account's listing (202 pending: a moderator decides) or, when it has one,
     * publishes the edit at once. Each is a consent row with the wording shown.
     */
    public Accepted submit(PersonRequest request, long accountId) {
        validator.check(request);
        Place place = place(request);
        knownTerritories(request.perimeter());
        Optional<Listing> listing = listing(accountId);
        if (listing.isPresent() && listing.get().hidden()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Votre fiche est masquée : confirmez-la d'abord par le lien reçu par e-mail");
        }
        if (listing.isEmpty() && jdbc.sql(PENDING).param("accountId", accountId).query(Boolean.class).single()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Votre proposition attend déjà la décision d'un modérateur");
        }
        Accepted accepted = transactions.execute(tx -> {
            if (listing.isPresent()) {
                long id = listing.get().id();
                if (!publisher.update(id, request, place, accountId)) {
                    throw new ResponseStatusException(HttpStatus.CONFLICT, "Votre fiche n'est plus publiée");
                }
                consent(id, accountId, "person-listing");
                audit.record(accountId, "modified", "person", id, null, null, Map.of("by", "owner"));
                return new Accepted(id, "approved");
            }
            long id = jdbc.sql(INSERT_PROPOSAL).param("payload", JSON.writeValueAsString(request.listing()))
                    .param("accountId", accountId).param("consentVersion", properties.consentVersion())
                    .param("commune", place.commune()).param("epci", place.epci()).param("petr", place.petr())
                    .param("bassinVie", place.bassinVie()).param("departement", place.departement())
                    .param("region", place.region()).query(Long.class).single();
            consent(null, accountId, "person-listing");
            audit.record(accountId, "proposed", "person", null, id, null, Map.of("kind", "new"));
            return new Accepted(id, "pending");
        });
        if ("approved".equals(accepted.status())) {
            dataVersion.refresh();
        }
        return accepted;
    }

    /** The account's listing as they entered it, to edit it; empty when they have none published. */
    public Optional<MyListing> mine(long accountId) {
        return jdbc.sql(MINE).param("accountId", accountId).query((rs, i) -> new MyListing(rs.getLong("id"), rs.getString("name"),
                rs.getString("role"), SqlArrays.texts(rs.getArray("themes")), rs.getString("description"),
                rs.getString("structure_name"), rs.getObject("structure_actor_id", Long.class), rs.getString("website"),
                rs.getString("address"), rs.getString("postcode"), rs.getString("commune"), rs.getString("precision"),
                SqlArrays.texts(rs.getArray("perimeter")),
                JSON.readValue(rs.getString("visibility"), new TypeReference<Map<String, String>>() { }),
                rs.getBoolean("relay_enabled"), rs.getObject("confirmed_at", OffsetDateTime.class))).optional();
    }

    /** Whether the account has a proposal waiting for a moderator. */
    public boolean pending(long accountId) {
        return jdbc.sql(PENDING).param("accountId", accountId).query(Boolean.class).single();
    }

    /** Turns "Contacter" on or off for the account's listing; 404 without one. */
    public void relay(long accountId, boolean enabled) {
        Listing listing = published(accountId);
        transactions.executeWithoutResult(tx -> {
            publisher.relay(listing.id(), enabled);
            audit.record(accountId, enabled ? "relay-on" : "relay-off", "person", listing.id(), null, null, Map.of("by", "owner"));
        });
        dataVersion.refresh();
    }

    /** Withdraws the account's listing (published or hidden): gone, consent dated withdrawn. */
    public void withdraw(long accountId) {
        Listing listing = listing(accountId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Vous n'avez pas de fiche"));
        transactions.executeWithoutResult(tx -> {
            publisher.withdraw(listing.id(), accountId);
            audit.record(accountId, "withdrawn", "person", listing.id(), null, null, Map.of("by", "owner"));
        });
        dataVersion.refresh();
    }

    /**
     * The yearly re-confirmation link's button: the person stays listed (published again when the
     * grace period had hidden them), dated, with a consent row for the current wording.
     */
    public Accepted reconfirm(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new BadParameterException("token", "Lien de confirmation incomplet");
        }
        String hash = Tokens.hash(token);
        Object[] found = jdbc.sql(RECONFIRM_TOKEN).param("hash", hash)
                .query((rs, i) -> new Object[] {rs.getLong("id"), rs.getBoolean("hidden"), rs.getObject("account_id", Long.class)})
                .optional().orElseThrow(() -> new BadParameterException("token", "Lien inconnu ou déjà utilisé"));
        long id = (Long) found[0];
        transactions.executeWithoutResult(tx -> {
            if ((Boolean) found[1]) {
                publisher.restore(id);
            }
            for (String sql : RECONFIRMED) {
                jdbc.sql(sql).param("id", id).update();
            }
            jdbc.sql(INSERT_CONSENT).param("personId", id).param("accountId", found[2]).param("purpose", "reconfirmation")
                    .param("wordingVersion", properties.consentVersion()).param("wording", properties.consentWording())
                    .param("form", RECONFIRM_FORM).query(Long.class).single();
            audit.record((Long) found[2], "reconfirmed", "person", id, null, null, Map.of("by", "owner"));
        });
        dataVersion.refresh();
        return new Accepted(id, "approved");
    }

    @Override
    public String recordKind() {
        return "person";
    }

    /** The moderation side: the fields a person proposal shows, as a diff against nothing. */
    @Override
    public List<FieldDiff> diff(String payload) {
        PersonRequest r = JSON.readValue(payload, PersonRequest.class);
        List<FieldDiff> diff = new ArrayList<>();
        add(diff, "name", r.name());
        add(diff, "role", r.role());
        add(diff, "themes", r.themes());
        add(diff, "description", r.description());
        add(diff, "structureName", r.structureName());
        add(diff, "structureActorId", r.structureActorId());
        add(diff, "website", r.website());
        add(diff, "address", r.address());
        add(diff, "postcode", r.postcode());
        add(diff, "place", r.lon() != null ? Map.of("lon", r.lon(), "lat", r.lat()) : r.commune() == null ? null : Map.of("commune", r.commune()));
        add(diff, "perimeter", r.perimeter());
        add(diff, "visibility", r.visibility());
        add(diff, "relayEnabled", r.relayEnabled());
        return diff;
    }

    /**
     * The moderation side: publishes an approved proposal, with the moderator's values (name,
     * themes, description, website, address, postcode) in place of the proposed ones when given.
     */
    @Override
    public long approve(String payload, ProposedFields edits, Long authorAccountId, long contributionId) {
        if (authorAccountId == null) {
            // Consent was the account's: without it (deleted meanwhile) nobody can be listed.
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The person deleted their account: reject this proposal");
        }
        PersonRequest r = JSON.readValue(payload, PersonRequest.class);
        if (edits != null) {
            r = new PersonRequest(pick(edits.name(), r.name()), r.role(), pick(edits.themes(), r.themes()),
                    pick(edits.description(), r.description()), r.structureName(), r.structureActorId(),
                    pick(edits.website(), r.website()), pick(edits.address(), r.address()), pick(edits.postcode(), r.postcode()),
                    r.lon(), r.lat(), r.commune(), r.perimeter(), r.visibility(), r.relayEnabled(), null, null);
        }
        validator.listing(r);
        return publisher.publishNew(r, place(r), authorAccountId, contributionId);
    }

    private static <T> T pick(T edited, T proposed) {
        return edited != null ? edited : proposed;
    }

    private static void add(List<FieldDiff> diff, String field, Object value) {
        if (value != null) {
            diff.add(new FieldDiff(field, null, value, true));
        }
    }

    private void consent(Long personId, long accountId, String purpose) {
        jdbc.sql(INSERT_CONSENT).param("personId", personId).param("accountId", accountId).param("purpose", purpose)
                .param("wordingVersion", properties.consentVersion()).param("wording", properties.consentWording())
                .param("form", FORM).query(Long.class).single();
    }

    private Place place(PersonRequest r) {
        ProposedFields where = new ProposedFields(null, null, null, null, null, null, null, null, null, null, null,
                r.lon(), r.lat(), r.commune());
        return places.of("place", where);
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

    private Optional<Listing> listing(long accountId) {
        return jdbc.sql(OF_ACCOUNT).param("accountId", accountId)
                .query((rs, i) -> new Listing(rs.getLong("person_id"), rs.getBoolean("hidden"))).optional();
    }

    private Listing published(long accountId) {
        Listing listing = listing(accountId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Vous n'avez pas de fiche"));
        if (listing.hidden()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Votre fiche est masquée : confirmez-la d'abord par le lien reçu par e-mail");
        }
        return listing;
    }
}
