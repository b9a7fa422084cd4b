package org.atlascitoyen.mapservice.account;

import java.util.List;
import org.atlascitoyen.mapservice.mail.Mailer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The mail that carries a sign-in link, in French, as plain text and HTML (every value escaped).
 * The link opens the sign-in page with the token in its fragment ({@code #jeton=}), which
 * browsers send to no server, not even in a Referer; the page's button posts it. A mail scanner
 * that opens the link therefore cannot spend it.
 */
@Component
public class SigninMail {

    /** The usual "-- " line before a signature (its trailing space is part of it). */
    private static final String SIGNATURE_SEPARATOR = "-- ";
    static final String SUBJECT = "Votre lien de connexion à Atlas Citoyen";

    private final Mailer mailer;
    private final AccountProperties properties;

    SigninMail(Mailer mailer, AccountProperties properties) {
        this.mailer = mailer;
        this.properties = properties;
    }

    /** Sends the link with {@code token} to {@code email}; {@code baseUrl} is the service's public address. */
    public void send(String email, String token, String baseUrl) {
        String link = baseUrl + "/connexion.html#jeton=" + token;
        long minutes = Math.max(1, properties.signinLinkValidity().toMinutes());
        String text = """
                Bonjour,

                Pour vous connecter à Atlas Citoyen, ouvrez ce lien puis appuyez sur « Me connecter » :

                %s

                Ce lien ne sert qu’une fois et fonctionne pendant %d minutes.

                Vous recevez ce message parce qu’une connexion à Atlas Citoyen (%s) a été demandée avec
                l’adresse %s. Si ce n’est pas vous, ignorez-le : sans ce lien, personne ne peut se
                connecter à votre place, et aucun compte n’est créé.

                %s
                Atlas Citoyen, qui agit où en Occitanie
                """.formatted(link, minutes, baseUrl, email, SIGNATURE_SEPARATOR);
        String html = """
                <!doctype html>
                <html lang="fr"><body style="font-family: sans-serif; line-height: 1.5">
                <p>Bonjour,</p>
                <p>Pour vous connecter à Atlas Citoyen, ouvrez ce lien puis appuyez sur « Me connecter » :</p>
                <p><a href="%1$s">%1$s</a></p>
                <p>Ce lien ne sert qu’une fois et fonctionne pendant %2$d minutes.</p>
                <p style="color: #555; font-size: 0.9em">Vous recevez ce message parce qu’une connexion à
                Atlas Citoyen (%3$s) a été demandée avec l’adresse %4$s. Si ce n’est pas vous, ignorez-le :
                sans ce lien, personne ne peut se connecter à votre place, et aucun compte n’est créé.</p>
                <p>Atlas Citoyen, qui agit où en Occitanie</p>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(link), minutes, HtmlUtils.htmlEscape(baseUrl), HtmlUtils.htmlEscape(email));
        mailer.send(List.of(email), SUBJECT, text, html);
    }
}
