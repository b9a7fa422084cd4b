package org.atlascitoyen.mapservice.needoffer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What {@code POST /api/needs-offers} takes: an announcement a signed-in account posts, in its own
 * name ({@code authorName}) or for an actor it manages ({@code actorId}). Read strictly (unknown
 * members: 400). Also the moderation payload, with skills and validUntil as checked.
 *
 * @param title        the announcement's title (its {@code name})
 * @param nature       {@code need} or {@code offer}
 * @param resource     a code of {@code need_offer_resource} (competences, benevoles, lieu...)
 * @param skills       codes of {@code skill}, or the words people use for them (their synonyms)
 * @param perimeter    the territories it concerns, as {@code kind:code} (commune, epci, petr,
 *                     bassin_vie, departement, region); the first places it on the map
 * @param validUntil   its last day (ISO date, Paris time), today at the earliest; default three months
 * @param actorId      an actor the account manages: the announcement is posted for it, at its point
 * @param authorName   the name shown as its author when posted in the account's own name
 * @param relayEnabled whether "Répondre" (the contact relay) reaches its author; default true
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NeedOfferRequest(
        String title,
        @Schema(allowableValues = {"need", "offer"}) String nature,
        String resource,
        List<String> skills,
        List<String> themes,
        String description,
        List<String> perimeter,
        String validUntil,
        Long actorId,
        String authorName,
        Boolean relayEnabled) {

    /** The same announcement with its skills as codes and its last day set. */
    NeedOfferRequest with(List<String> skillCodes, String lastDay) {
        return new NeedOfferRequest(title, nature, resource, skillCodes, themes, description, perimeter, lastDay, actorId,
                authorName, relayEnabled);
    }

    /** The same with the moderator's title, themes and description where given. */
    NeedOfferRequest edited(String newTitle, List<String> newThemes, String newDescription) {
        return new NeedOfferRequest(newTitle != null ? newTitle : title, nature, resource, skills,
                newThemes != null ? newThemes : themes, newDescription != null ? newDescription : description, perimeter,
                validUntil, actorId, authorName, relayEnabled);
    }
}
