package org.atlascitoyen.mapservice.person;

import static org.atlascitoyen.mapservice.contribution.ContributionValidator.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.record.Vocabularies;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.springframework.stereotype.Component;

/**
 * Checks a {@link PersonRequest} without the database, each fault a 400 naming its member: the
 * consent, the vocabularies, lengths and characters, the place, the perimeter's form and the
 * visibility levels. Whether the perimeter's territories and the commune exist is the service's
 * check (it reads the database).
 */
@Component
class PersonValidator {

    /** The fields a person chooses a visibility level for (the columns of person_member). */
    static final List<String> LEVELLED = List.of("name", "description", "structureName", "website", "address");
    static final Set<String> LEVELS = Set.of("public", "members", "private");
    static final Set<String> PERIMETER_KINDS = Set.of("commune", "epci", "petr", "bassin_vie", "departement", "region");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1,12}");
    private static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");
    private static final Pattern COMMUNE = Pattern.compile("[0-9][0-9AB][0-9]{3}");
    private static final int THEMES_MAX = 10;

    private final Vocabularies vocabularies;
    private final PersonProperties properties;

    PersonValidator(Vocabularies vocabularies, PersonProperties properties) {
        this.vocabularies = vocabularies;
        this.properties = properties;
    }

    /** The checks of a proposal or an edit: consent is required for both (the wording may have changed). */
    void check(PersonRequest r) {
        if (!Boolean.TRUE.equals(r.consent())) {
            throw new BadParameterException("consent", "Votre consentement est nécessaire pour figurer dans l'atlas");
        }
        if (!properties.consentVersion().equals(r.consentVersion())) {
            throw new BadParameterException("consentVersion", "The current wording is version " + properties.consentVersion()
                    + ": reload the page");
        }
        listing(r);
    }

    /** The listing's own checks (also what a moderator's approval re-checks). */
    void listing(PersonRequest r) {
        if (r.name() == null || r.name().isBlank()) {
            throw new BadParameterException("name", "Required");
        }
        text("name", r.name(), 200, false);
        Set<String> roles = vocabularies.labels(RecordKind.PERSON.category()).keySet();
        if (r.role() == null || !roles.contains(r.role())) {
            throw new BadParameterException("role", "One of " + String.join(", ", roles));
        }
        themes(r.themes());
        text("description", r.description(), 2000, true);
        text("structureName", r.structureName(), 200, false);
        if (r.structureActorId() != null && r.structureActorId() <= 0) {
            throw new BadParameterException("structureActorId", "An actor's id");
        }
        website(r.website());
        text("address", r.address(), 300, false);
        if (r.postcode() != null && !r.postcode().isEmpty() && !POSTCODE.matcher(r.postcode()).matches()) {
            throw new BadParameterException("postcode", "A postcode has five digits");
        }
        place(r);
        perimeter(r.perimeter());
        visibility(r.visibility());
    }

    private void themes(List<String> themes) {
        if (themes == null || themes.isEmpty()) {
            throw new BadParameterException("themes", "At least one theme");
        }
        if (themes.size() > THEMES_MAX) {
            throw new BadParameterException("themes", "At most " + THEMES_MAX + " themes");
        }
        Set<String> seen = new HashSet<>();
        for (String theme : themes) {
            if (theme == null || !vocabularies.themes().containsKey(theme) || !seen.add(theme)) {
                throw new BadParameterException("themes", "Theme codes of /api/themes, each once");
            }
        }
    }

    private static void website(String website) {
        if (website == null || website.isEmpty()) {
            return;
        }
        text("website", website, 300, false);
        try {
            URI uri = new URI(website);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
                throw new BadParameterException("website", "A web address starting with https:// or http://");
            }
        } catch (URISyntaxException e) {
            throw new BadParameterException("website", "Not a web address");
        }
    }

    private static void place(PersonRequest r) {
        if ((r.lon() == null) != (r.lat() == null)) {
            throw new BadParameterException(r.lon() == null ? "lon" : "lat", "lon and lat go together");
        }
        if (r.lon() == null && r.commune() == null) {
            throw new BadParameterException("commune", "The permanence's point (lon, lat) or a commune");
        }
        if (r.lon() != null) {
            if (r.commune() != null) {
                throw new BadParameterException("commune", "Either a point (lon, lat) or a commune, not both");
            }
            if (!Double.isFinite(r.lon()) || Math.abs(r.lon()) > 180) {
                throw new BadParameterException("lon", "A longitude between -180 and 180");
            }
            if (!Double.isFinite(r.lat()) || Math.abs(r.lat()) > 90) {
                throw new BadParameterException("lat", "A latitude between -90 and 90");
            }
            if (r.address() == null || r.address().isBlank()) {
                throw new BadParameterException("address", "A permanence placed at its point has its address");
            }
        }
        if (r.commune() != null && !COMMUNE.matcher(r.commune()).matches()) {
            throw new BadParameterException("commune", "An INSEE commune code, such as 31555");
        }
    }

    private void perimeter(List<String> perimeter) {
        if (perimeter == null || perimeter.isEmpty()) {
            throw new BadParameterException("perimeter", "At least one territory (kind:code)");
        }
        if (perimeter.size() > properties.perimeterMax()) {
            throw new BadParameterException("perimeter", "At most " + properties.perimeterMax() + " territories");
        }
        for (String key : perimeter) {
            int colon = key == null ? -1 : key.indexOf(':');
            if (colon < 0 || !PERIMETER_KINDS.contains(key.substring(0, colon)) || !CODE.matcher(key.substring(colon + 1)).matches()) {
                throw new BadParameterException("perimeter", "Territories as kind:code, kind one of commune, epci, petr,"
                        + " bassin_vie, departement, region");
            }
        }
    }

    private static void visibility(Map<String, String> visibility) {
        if (visibility == null) {
            return;
        }
        for (Map.Entry<String, String> entry : visibility.entrySet()) {
            if (!LEVELLED.contains(entry.getKey())) {
                throw new BadParameterException("visibility", "Levels are chosen for " + String.join(", ", LEVELLED));
            }
            if (!LEVELS.contains(entry.getValue())) {
                throw new BadParameterException("visibility." + entry.getKey(), "public, members or private");
            }
        }
    }
}
