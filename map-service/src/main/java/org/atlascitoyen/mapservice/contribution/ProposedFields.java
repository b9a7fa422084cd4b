package org.atlascitoyen.mapservice.contribution;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The fields of a record as a contribution proposes them: all of a new record's, or only the
 * changed ones of an existing record (null: unchanged; an empty text: clear the field). The place
 * is a point ({@code lon}, {@code lat}: placed at its address) or a commune's INSEE code (placed at
 * the commune's point). Actors use {@code type}, initiatives {@code status}, dates and
 * {@code lessonsLearned}. There is no field for an email or a phone: the public form never asks
 * for a contact, and what it sends becomes public once approved.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProposedFields(
        String name,
        String type,
        String status,
        List<String> themes,
        String description,
        String lessonsLearned,
        String startDate,
        String endDate,
        String website,
        String address,
        String postcode,
        Double lon,
        Double lat,
        String commune) {

    /** Whether it proposes a place (a point or a commune). */
    public boolean hasPlace() {
        return lon != null || lat != null || commune != null;
    }

    /** Whether it proposes nothing at all. Not a field: it must not be stored in the payload. */
    @JsonIgnore
    public boolean isEmpty() {
        return name == null && type == null && status == null && themes == null && description == null
                && lessonsLearned == null && startDate == null && endDate == null && website == null
                && address == null && postcode == null && !hasPlace();
    }

    /**
     * These fields with the non-null ones of {@code edits} in place of theirs (a moderator's
     * "approve with changes"); a new place replaces the whole place.
     */
    public ProposedFields with(ProposedFields edits) {
        if (edits == null) {
            return this;
        }
        boolean place = edits.hasPlace();
        return new ProposedFields(
                pick(edits.name, name), pick(edits.type, type), pick(edits.status, status), pick(edits.themes, themes),
                pick(edits.description, description), pick(edits.lessonsLearned, lessonsLearned),
                pick(edits.startDate, startDate), pick(edits.endDate, endDate), pick(edits.website, website),
                pick(edits.address, address), pick(edits.postcode, postcode),
                place ? edits.lon : lon, place ? edits.lat : lat, place ? edits.commune : commune);
    }

    private static <T> T pick(T edited, T proposed) {
        return edited != null ? edited : proposed;
    }
}
