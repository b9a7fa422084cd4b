package org.atlascitoyen.mapservice.account;

/**
 * The answer to a request for a sign-in link: the same for a known and an unknown address, so it
 * tells nobody whether an address has an account.
 *
 * @param message what to tell the person (French)
 */
public record SigninLinkAnswer(String message) {

    static final SigninLinkAnswer SENT = new SigninLinkAnswer(
            "Si l’adresse est valide, un lien de connexion vient d’y être envoyé : vérifiez votre messagerie.");
}
