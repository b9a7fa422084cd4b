package org.atlascitoyen.mapservice.person;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of resource persons ({@code atlas.person.*}); the README lists them with their
 * environment variables ({@code ATLAS_PERSON_...}).
 *
 * @param consentVersion     the version of the consent wording the sign-up page shows; a proposal
 *                           must name it (another version: 400, the page is out of date)
 * @param consentWording     the consent wording itself, stored with each consent as it was shown
 * @param maxBodyBytes       the largest body of {@code POST /api/persons/me}, in bytes
 * @param perimeterMax       the most territories a perimeter may hold
 * @param reconfirmAfter     a person whose last confirmation is older than this is mailed a link
 *                           to re-confirm (ISO 8601 period, e.g. P1Y)
 * @param reconfirmGrace     still unconfirmed this long after that mail, the person is hidden
 *                           (and published again when they confirm)
 * @param reconfirmPeriodMs  how often the re-confirmation job runs, in milliseconds
 */
@ConfigurationProperties("atlas.person")
public record PersonProperties(
        @DefaultValue("2026-12") String consentVersion,
        @DefaultValue(PersonProperties.WORDING) String consentWording,
        @DefaultValue("16384") int maxBodyBytes,
        @DefaultValue("50") int perimeterMax,
        @DefaultValue("P1Y") Period reconfirmAfter,
        @DefaultValue("P30D") Period reconfirmGrace,
        @DefaultValue("3600000") long reconfirmPeriodMs) {

    /** The default wording, version 2026-12. */
    public static final String WORDING = "J'accepte que les informations que j'ai choisi de rendre publiques ou "
            + "visibles des membres figurent sur Atlas Citoyen comme personne ressource, sur le périmètre que j'indique. "
            + "Mon adresse e-mail reste privée : on me contacte par le relais de l'atlas, que je peux couper. "
            + "Je recevrai chaque année une demande de confirmation ; sans réponse, ma fiche sera masquée. "
            + "Je peux modifier ou retirer ma fiche à tout moment.";
}
