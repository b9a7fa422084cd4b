package org.atlascitoyen.mapservice.rights;

/**
 * The answer to a rights request: the same whatever happened (a link sent to the requester or to
 * the record's address, a request opened at once, a trap for scripts), so that it tells nothing
 * about the record's private address nor about the requester.
 */
public record RightsRequestReceived(String message) {

    static final RightsRequestReceived SAME = new RightsRequestReceived(
            "Demande reçue. Si elle doit être vérifiée, un lien a été envoyé par e-mail : ouvrez-le pour la confirmer. "
                    + "Les coordinateurs de l’atlas y répondent dans un délai d’un mois après sa confirmation.");
}
