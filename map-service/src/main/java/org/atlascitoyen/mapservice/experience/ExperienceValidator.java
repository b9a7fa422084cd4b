package org.atlascitoyen.mapservice.experience;

import static org.atlascitoyen.mapservice.contribution.ContributionValidator.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.atlascitoyen.mapservice.contribution.ContributionProperties;
import org.atlascitoyen.mapservice.record.Vocabularies;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.springframework.stereotype.Component;

/**
 * Checks an {@link ExperienceRequest} without the database, each fault a 400 naming its member:
 * the required core, lengths and characters, the vocabularies, dates, the place's form, links.
 * Whether the commune, territory, actors and initiative exist is the service's check.
 */
@Component
class ExperienceValidator {

    /** The outcomes a proposal may state; "non précisé" is for lessons learned that say nothing of it. */
    static final List<String> OUTCOMES = List.of("reussi", "mitige", "abandonne", "echec");
    static final Set<String> TERRITORY_KINDS = Set.of("commune", "epci", "petr", "bassin_vie", "departement", "region", "qpv", "pnr");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z_-]{1,20}");
    private static final Pattern COMMUNE = Pattern.compile("[0-9][0-9AB][0-9]{3}");
    private static final int THEMES_MAX = 10;
    private static final int ACTORS_MAX = 20;
    private static final int LINKS_MAX = 10;
    private static final int TEXT_MAX = 4000;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Vocabularies vocabularies;
    private final ContributionProperties contributions;

    ExperienceValidator(Vocabularies vocabularies, ContributionProperties contributions) {
        this.vocabularies = vocabularies;
        this.contributions = contributions;
    }

    /** The checks of a proposal: the charter, then the experience itself. */
    void check(ExperienceRequest r) {
        if (r.charterVersion() == null) {
            throw new BadParameterException("charterVersion", "Required: the version of the charter the author accepted");
        }
        if (!contributions.charterVersion().equals(r.charterVersion())) {
            throw new BadParameterException("charterVersion", "The charter in force is version " + contributions.charterVersion()
                    + ": reload the page");
        }
        experience(r);
    }

    /** The experience's own checks (also what a moderator's approval checks again). */
    void experience(ExperienceRequest r) {
        required("name", r.name());
        text("name", r.name(), 300, false);
        required("description", r.description());
        text("description", r.description(), TEXT_MAX, true);
        required("happened", r.happened());
        text("happened", r.happened(), TEXT_MAX, true);
        required("differently", r.differently());
        text("differently", r.differently(), TEXT_MAX, true);
        if (r.outcome() == null || !OUTCOMES.contains(r.outcome())) {
            throw new BadParameterException("outcome", "One of " + String.join(", ", OUTCOMES));
        }
        themes(r.themes());
        place(r);
        carriers(r);
        LocalDate started = date("startedOn", r.startedOn(), true);
        LocalDate ended = date("endedOn", r.endedOn(), false);
        if (started.isAfter(LocalDate.now(PARIS))) {
            throw new BadParameterException("startedOn", "An experience already started: a date up to today");
        }
        if (ended != null && ended.isBefore(started)) {
            throw new BadParameterException("endedOn", "The end comes before the start");
        }
        text("publicReached", r.publicReached(), 2000, true);
        text("means", r.means(), 2000, true);
        text("partners", r.partners(), 2000, true);
        links(r.evidenceLinks());
        if (r.initiativeId() != null && r.initiativeId() <= 0) {
            throw new BadParameterException("initiativeId", "An initiative's id");
        }
        if (r.website() != null && !r.website().isEmpty()) {
            webAddress("website", r.website());
        }
    }

    private static void required(String member, String value) {
        if (value == null || value.isBlank()) {
            throw new BadParameterException(member, "Required");
        }
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
                throw new BadParameterException("themes", "Theme codes of /api/vocabularies, each once");
            }
        }
    }

    private static void place(ExperienceRequest r) {
        if ((r.lon() == null) != (r.lat() == null)) {
            throw new BadParameterException(r.lon() == null ? "lon" : "lat", "lon and lat go together");
        }
        int given = (r.lon() != null ? 1 : 0) + (r.commune() != null ? 1 : 0) + (r.territory() != null ? 1 : 0);
        if (given == 0) {
            throw new BadParameterException("commune", "Required: a place (a commune, a point lon and lat, or a territory kind:code)");
        }
        if (given > 1) {
            throw new BadParameterException("commune", "One place only: a commune, a point (lon, lat) or a territory");
        }
        if (r.lon() != null) {
            if (!Double.isFinite(r.lon()) || Math.abs(r.lon()) > 180) {
                throw new BadParameterException("lon", "A longitude between -180 and 180");
            }
            if (!Double.isFinite(r.lat()) || Math.abs(r.lat()) > 90) {
                throw new BadParameterException("lat", "A latitude between -90 and 90");
            }
        }
        if (r.commune() != null && !COMMUNE.matcher(r.commune()).matches()) {
            throw new BadParameterException("commune", "An INSEE commune code, such as 31555");
        }
        if (r.territory() != null) {
            int colon = r.territory().indexOf(':');
            if (colon < 0 || !TERRITORY_KINDS.contains(r.territory().substring(0, colon))
                    || !CODE.matcher(r.territory().substring(colon + 1)).matches()) {
                throw new BadParameterException("territory", "A territory as kind:code, kind one of commune, epci, petr,"
                        + " bassin_vie, departement, region, qpv, pnr");
            }
        }
    }

    private static void carriers(ExperienceRequest r) {
        text("carriedBy", r.carriedBy(), 500, false);
        boolean named = r.carriedBy() != null && !r.carriedBy().isBlank();
        boolean linked = r.actorIds() != null && !r.actorIds().isEmpty();
        if (!named && !linked) {
            throw new BadParameterException("carriedBy", "Required: who carried it (carriedBy, or actorIds of the atlas)");
        }
        if (linked) {
            if (r.actorIds().size() > ACTORS_MAX) {
                throw new BadParameterException("actorIds", "At most " + ACTORS_MAX + " actors");
            }
            if (r.actorIds().stream().anyMatch(id -> id == null || id <= 0)
                    || new HashSet<>(r.actorIds()).size() != r.actorIds().size()) {
                throw new BadParameterException("actorIds", "Actors' ids, each once");
            }
        }
    }

    private static LocalDate date(String member, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                throw new BadParameterException(member, "Required");
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1900 || date.getYear() > 2200) {
                throw new BadParameterException(member, "A year between 1900 and 2200");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new BadParameterException(member, "A date as YYYY-MM-DD");
        }
    }

    private static void links(List<String> links) {
        if (links == null) {
            return;
        }
        if (links.size() > LINKS_MAX) {
            throw new BadParameterException("evidenceLinks", "At most " + LINKS_MAX + " links");
        }
        for (String link : links) {
            if (link == null) {
                throw new BadParameterException("evidenceLinks", "Web addresses starting with https:// or http://");
            }
            webAddress("evidenceLinks", link);
        }
    }

    private static void webAddress(String member, String value) {
        text(member, value, 500, false);
        try {
            URI uri = new URI(value);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
                throw new BadParameterException(member, "A web address starting with https:// or http://");
            }
        } catch (URISyntaxException e) {
            throw new BadParameterException(member, "Not a web address");
        }
    }
}
