package org.atlascitoyen.mapservice.needoffer;

import static org.atlascitoyen.mapservice.contribution.ContributionValidator.text;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.record.Vocabularies;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.springframework.stereotype.Component;

/**
 * Checks a {@link NeedOfferRequest} without the database, each fault a 400 naming its member:
 * vocabularies, lengths and characters, the perimeter's form, the last day. Whether the skills'
 * words, the territories and the actor exist is the service's check (it reads the database).
 */
@Component
class NeedOfferValidator {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Set<String> PERIMETER_KINDS = Set.of("commune", "epci", "petr", "bassin_vie", "departement", "region");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1,12}");
    private static final int THEMES_MAX = 10;
    private static final int SKILLS_MAX = 10;

    private final Vocabularies vocabularies;
    private final NeedOfferProperties properties;

    NeedOfferValidator(Vocabularies vocabularies, NeedOfferProperties properties) {
        this.vocabularies = vocabularies;
        this.properties = properties;
    }

    /** The checks of a posted announcement (and of a moderator's approval); its last day, defaulted. */
    LocalDate check(NeedOfferRequest r) {
        if (r.title() == null || r.title().isBlank()) {
            throw new BadParameterException("title", "Required");
        }
        text("title", r.title(), 200, false);
        Set<String> natures = vocabularies.labels(RecordKind.NEED_OFFER.category()).keySet();
        if (r.nature() == null || !natures.contains(r.nature())) {
            throw new BadParameterException("nature", "One of " + String.join(", ", natures));
        }
        if (r.resource() == null || r.resource().isBlank()) {
            throw new BadParameterException("resource", "Required: a code of need_offer_resource");
        }
        text("resource", r.resource(), 40, false);
        themes(r.themes());
        if (r.skills() != null) {
            if (r.skills().size() > SKILLS_MAX) {
                throw new BadParameterException("skills", "At most " + SKILLS_MAX + " skills");
            }
            for (String skill : r.skills()) {
                if (skill == null || skill.isBlank()) {
                    throw new BadParameterException("skills", "A skill's code or word, not empty");
                }
                text("skills", skill, 80, false);
            }
        }
        text("description", r.description(), 4000, true);
        perimeter(r.perimeter());
        if (r.actorId() != null && r.actorId() <= 0) {
            throw new BadParameterException("actorId", "An actor's id");
        }
        if (r.actorId() == null && (r.authorName() == null || r.authorName().isBlank())) {
            throw new BadParameterException("authorName", "The name shown as the announcement's author (or an actorId)");
        }
        text("authorName", r.authorName(), 100, false);
        return lastDay(r.validUntil());
    }

    private LocalDate lastDay(String validUntil) {
        LocalDate today = LocalDate.now(PARIS);
        if (validUntil == null || validUntil.isEmpty()) {
            return today.plus(properties.defaultValidity());
        }
        LocalDate day;
        try {
            day = LocalDate.parse(validUntil);
        } catch (DateTimeParseException e) {
            throw new BadParameterException("validUntil", "A date such as 2027-03-31");
        }
        if (day.isBefore(today)) {
            throw new BadParameterException("validUntil", "Today at the earliest");
        }
        if (day.isAfter(today.plus(properties.maxValidity()))) {
            throw new BadParameterException("validUntil", "At most " + properties.maxValidity() + " from today");
        }
        return day;
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

    private void perimeter(List<String> perimeter) {
        if (perimeter == null || perimeter.isEmpty()) {
            throw new BadParameterException("perimeter", "At least one territory (kind:code)");
        }
        if (perimeter.size() > properties.perimeterMax()) {
            throw new BadParameterException("perimeter", "At most " + properties.perimeterMax() + " territories");
        }
        Set<String> seen = new HashSet<>();
        for (String key : perimeter) {
            int colon = key == null ? -1 : key.indexOf(':');
            if (colon < 0 || !PERIMETER_KINDS.contains(key.substring(0, colon)) || !CODE.matcher(key.substring(colon + 1)).matches()) {
                throw new BadParameterException("perimeter", "Territories as kind:code, kind one of commune, epci, petr,"
                        + " bassin_vie, departement, region");
            }
            if (!seen.add(key)) {
                throw new BadParameterException("perimeter", "Each territory once: " + key);
            }
        }
    }
}
