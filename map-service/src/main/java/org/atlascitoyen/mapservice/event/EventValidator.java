package org.atlascitoyen.mapservice.event;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.record.Vocabularies;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.springframework.stereotype.Component;

/**
 * Checks a proposed event: every refusal is a 400 naming the member and saying what is expected
 * (in French, as the form shows it). Times become instants, local ones read in Europe/Paris.
 */
@Component
class EventValidator {

    static final int NAME_MAX = 300;
    static final int TEXT_MAX = 5000;
    static final int SHORT_MAX = 300;
    static final int URL_MAX = 500;
    static final int LIST_MAX = 10;
    /** The longest event: a festival of a few weeks, not a permanent activity. */
    static final Duration LONGEST = Duration.ofDays(62);

    private final Vocabularies vocabularies;

    EventValidator(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    /** The instants of a valid request. */
    record Times(OffsetDateTime startsAt, OffsetDateTime endsAt, boolean allDay) {
    }

    Times check(EventRequest r) {
        text("name", r.name(), NAME_MAX, true);
        if (r.eventType() == null || !vocabularies.labels(RecordKind.EVENT.category()).containsKey(r.eventType())) {
            throw new BadParameterException("eventType", "Choisissez un type d'événement parmi : "
                    + String.join(", ", vocabularies.labels(RecordKind.EVENT.category()).keySet()));
        }
        List<String> themes = r.themes() == null ? List.of() : r.themes();
        if (themes.size() > LIST_MAX || !vocabularies.themes().keySet().containsAll(themes)) {
            throw new BadParameterException("themes", "Au plus " + LIST_MAX + " thèmes, parmi ceux de l'atlas");
        }
        text("description", r.description(), TEXT_MAX, false);
        text("placeName", r.placeName(), SHORT_MAX, false);
        text("address", r.address(), SHORT_MAX, false);
        url("onlineUrl", r.onlineUrl());
        url("website", r.website());
        if (r.organisers() != null && (r.organisers().size() > LIST_MAX || r.organisers().stream().anyMatch(id -> id == null || id <= 0))) {
            throw new BadParameterException("organisers", "Au plus " + LIST_MAX + " structures organisatrices, par leur numéro");
        }
        if ((r.lon() == null) != (r.lat() == null)) {
            throw new BadParameterException(r.lon() == null ? "lon" : "lat", "Donnez la longitude et la latitude ensemble");
        }
        if (r.lon() != null && (!Double.isFinite(r.lon()) || !Double.isFinite(r.lat()) || Math.abs(r.lon()) > 180 || Math.abs(r.lat()) > 90)) {
            throw new BadParameterException("lon", "Coordonnées WGS84 : longitude entre -180 et 180, latitude entre -90 et 90");
        }
        if (r.commune() != null && !r.commune().matches("[0-9][0-9AB][0-9]{3}")) {
            throw new BadParameterException("commune", "Le code INSEE d'une commune (5 caractères, ex. 31555)");
        }
        boolean online = r.onlineUrl() != null && !r.onlineUrl().isBlank();
        boolean organised = r.organisers() != null && !r.organisers().isEmpty();
        if (r.lon() == null && r.commune() == null && !(online && organised)) {
            throw new BadParameterException("commune", "Indiquez le lieu (un point ou une commune) ; un événement en ligne "
                    + "sans lieu se place à la commune de sa première structure organisatrice");
        }
        return times(r);
    }

    private static Times times(EventRequest r) {
        boolean allDay = Boolean.TRUE.equals(r.allDay());
        if (r.startsAt() == null || r.startsAt().isBlank()) {
            throw new BadParameterException("startsAt", "La date de début est obligatoire");
        }
        OffsetDateTime start = instant("startsAt", r.startsAt(), allDay, false);
        OffsetDateTime end = r.endsAt() == null || r.endsAt().isBlank()
                ? (allDay ? start.atZoneSameInstant(EventFeedController.PARIS).toLocalDate().plusDays(1)
                        .atStartOfDay(EventFeedController.PARIS).toOffsetDateTime() : start.plusHours(2))
                : instant("endsAt", r.endsAt(), allDay, true);
        if (end.isBefore(start)) {
            throw new BadParameterException("endsAt", "La fin doit venir après le début");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new BadParameterException("endsAt", "Un événement dure au plus " + LONGEST.toDays() + " jours");
        }
        OffsetDateTime now = OffsetDateTime.now();
        if (start.isBefore(now.minusYears(1)) || start.isAfter(now.plusYears(5))) {
            throw new BadParameterException("startsAt", "La date de début doit être comprise entre il y a un an et dans cinq ans");
        }
        return new Times(start, end, allDay);
    }

    /** A date-time with offset, a local date-time (Paris), or for an all-day event a date (an end date is its whole day). */
    private static OffsetDateTime instant(String member, String value, boolean allDay, boolean end) {
        String v = value.strip();
        try {
            if (v.length() == 10 && allDay) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(EventFeedController.PARIS).toOffsetDateTime();
            }
            if (v.matches(".*([+-][0-9]{2}:?[0-9]{2}|Z)$")) {
                return OffsetDateTime.parse(v);
            }
            return LocalDateTime.parse(v).atZone(EventFeedController.PARIS).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new BadParameterException(member, "Une date ISO : 2027-03-18T20:00 (heure de Paris), 2027-03-18T20:00:00+01:00"
                    + (allDay ? " ou 2027-03-18" : ""));
        }
    }

    private static void text(String member, String value, int max, boolean required) {
        if (required && (value == null || value.isBlank())) {
            throw new BadParameterException(member, "Ce champ est obligatoire");
        }
        if (value != null && value.length() > max) {
            throw new BadParameterException(member, "Au plus " + max + " caractères");
        }
    }

    private static void url(String member, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            URI uri = new URI(value.strip());
            if (value.length() > URL_MAX || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new BadParameterException(member, "Une adresse web en http:// ou https://, d'au plus " + URL_MAX + " caractères");
            }
        } catch (java.net.URISyntaxException e) {
            throw new BadParameterException(member, "Une adresse web en http:// ou https://");
        }
    }
}
