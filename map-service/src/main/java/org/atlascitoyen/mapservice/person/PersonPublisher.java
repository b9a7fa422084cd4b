package org.atlascitoyen.mapservice.person;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.contribution.Place;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes resource persons to the published tables, inside the caller's transaction, splitting each
 * value by the level the person chose: public values into {@code person}, members-only ones into
 * {@code person_member}, a private name into {@code person_private} (with the account's address,
 * the one the relay writes to); other private values are not published at all. A permanence whose
 * address is not public is placed at its commune's point, so that the point does not give it away.
 * Each write counts in {@code publish_counter} (ETags, tile cache).
 */
@Component
public class PersonPublisher {

    /** The public name of a person who did not make their name public. */
    static final String NAME_NOT_PUBLIC = "Personne ressource";

    private static final String INSERT = SqlResource.statement("sql/person/insert-person.sql");
    private static final String UPDATE = SqlResource.statement("sql/person/update-person.sql");
    private static final String MEMBER = SqlResource.statement("sql/person/upsert-member.sql");
    private static final String PRIVATE = SqlResource.statement("sql/person/upsert-private.sql");
    private static final List<String> PERIMETER = SqlResource.statements("sql/person/replace-perimeter.sql");
    private static final String LINK_CONSENT = SqlResource.statement("sql/person/link-consent.sql");
    private static final String ADD_OWNER = SqlResource.statement("sql/contribution/add-owner.sql");
    private static final String RELAY = SqlResource.statement("sql/person/relay.sql");
    private static final List<String> WITHDRAW = SqlResource.statements("sql/person/withdraw.sql");
    private static final List<String> HIDE = SqlResource.statements("sql/person/hide.sql");
    private static final List<String> RESTORE = SqlResource.statements("sql/person/restore.sql");
    private static final String BUMP = SqlResource.statement("sql/moderation/bump.sql");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    PersonPublisher(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Publishes an approved proposal: the listing, its perimeter, the author as its owner, and the
     * consent they gave now names it. Returns the person's id.
     */
    public long publishNew(PersonRequest r, Place place, long accountId, Long contributionId) {
        MapSqlParameterSource params = values(r, place).addValue("consentedAt", OffsetDateTime.now());
        long id = jdbc.sql(INSERT).paramSource(params).query(Long.class).single();
        satellites(id, r, accountId);
        jdbc.sql(LINK_CONSENT).param("id", id).param("accountId", accountId).update();
        jdbc.sql(ADD_OWNER).param("recordKind", "person").param("recordId", id).param("accountId", accountId)
                .param("contributionId", contributionId).update();
        bump();
        return id;
    }

    /** An owner's edit, published at once; false when the listing is not published (hidden, gone). */
    boolean update(long id, PersonRequest r, Place place, long accountId) {
        if (jdbc.sql(UPDATE).paramSource(values(r, place).addValue("id", id)).update() == 0) {
            return false;
        }
        satellites(id, r, accountId);
        bump();
        return true;
    }

    void relay(long id, boolean enabled) {
        jdbc.sql(RELAY).param("id", id).param("enabled", enabled).update();
        bump();
    }

    void withdraw(long id, Long by) {
        run(WITHDRAW, new MapSqlParameterSource("id", id).addValue("by", by));
        bump();
    }

    void hide(long id) {
        run(HIDE, new MapSqlParameterSource("id", id));
        bump();
    }

    void restore(long id) {
        run(RESTORE, new MapSqlParameterSource("id", id));
        bump();
    }

    private void satellites(long id, PersonRequest r, long accountId) {
        jdbc.sql(MEMBER).param("id", id).param("name", at(r, "name", "members", r.name()))
                .param("description", at(r, "description", "members", r.description()))
                .param("structureName", at(r, "structureName", "members", r.structureName()))
                .param("website", at(r, "website", "members", r.website()))
                .param("address", at(r, "address", "members", r.address())).update();
        jdbc.sql(PRIVATE).param("id", id).param("accountId", accountId)
                .param("name", at(r, "name", "private", r.name())).update();
        StringBuilder kinds = new StringBuilder();
        StringBuilder codes = new StringBuilder();
        for (String key : r.perimeter()) {
            int colon = key.indexOf(':');
            kinds.append(kinds.isEmpty() ? "" : ",").append(key, 0, colon);
            codes.append(codes.isEmpty() ? "" : ",").append(key.substring(colon + 1));
        }
        run(PERIMETER, new MapSqlParameterSource("id", id).addValue("kinds", kinds.toString()).addValue("codes", codes.toString()));
    }

    private static MapSqlParameterSource values(PersonRequest r, Place place) {
        boolean addressPublic = "public".equals(r.level("address")) && r.address() != null && !r.address().isBlank();
        boolean atPoint = addressPublic && place.lon() != null;
        String name = "public".equals(r.level("name")) ? r.name() : NAME_NOT_PUBLIC;
        Map<String, String> visibility = new LinkedHashMap<>();
        for (String field : PersonValidator.LEVELLED) {
            visibility.put(field, r.level(field));
        }
        return new MapSqlParameterSource()
                .addValue("name", name)
                .addValue("role", r.role())
                .addValue("themes", String.join(",", r.themes()))
                .addValue("description", at(r, "description", "public", r.description()))
                .addValue("structureActorId", r.structureActorId())
                .addValue("structureName", at(r, "structureName", "public", r.structureName()))
                .addValue("website", at(r, "website", "public", r.website()))
                .addValue("address", addressPublic ? r.address() : null)
                .addValue("postcode", blankToNull(r.postcode()))
                .addValue("lon", atPoint ? place.lon() : null)
                .addValue("lat", atPoint ? place.lat() : null)
                .addValue("precision", atPoint ? "address" : "commune")
                .addValue("commune", place.commune())
                .addValue("visibility", JSON.writeValueAsString(visibility))
                .addValue("relayEnabled", r.relayEnabled() == null || r.relayEnabled());
    }

    /** The value when the person chose this level for the field, else null. */
    private static String at(PersonRequest r, String field, String level, String value) {
        return level.equals(r.level(field)) ? blankToNull(value) : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private void run(List<String> statements, MapSqlParameterSource params) {
        for (String sql : statements) {
            jdbc.sql(sql).paramSource(params).update();
        }
    }

    private void bump() {
        jdbc.sql(BUMP).update();
    }
}
