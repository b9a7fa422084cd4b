package org.atlascitoyen.mapservice.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the "Données personnelles" page says that only the deployment knows ({@code atlas.privacy.*}).
 *
 * @param contact who to ask about personal data ({@code ATLAS_PRIVACY_CONTACT}: a name, an address or
 *                a web page), shown as text
 */
@ConfigurationProperties("atlas.privacy")
public record PrivacyProperties(
        @DefaultValue("l'équipe qui administre ce service Atlas Citoyen (son adresse de contact n'est pas encore indiquée : "
                + "utilisez en attendant « Cette fiche vous concerne ? » sur une fiche, ou « Mon compte »)") String contact) {
}
