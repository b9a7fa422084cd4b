package org.atlascitoyen.mapservice.contribution;

import java.util.List;
import org.atlascitoyen.mapservice.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The mails of contributions, in French: the confirmation link of an anonymous contribution, the
 * claim link sent to a record's own address, and a moderator's decision. A link opens the page
 * {@code /confirmer.html}, whose button posts the token: a mail scanner that follows links
 * spends nothing. The token is in the fragment ({@code #...}), which no server or proxy logs.
 */
@Component
public class ContributionMails {

    private static final Logger log = LoggerFactory.getLogger(ContributionMails.class);

    private final Mailer mailer;

    ContributionMails(Mailer mailer) {
        this.mailer = mailer;
    }

    void confirmContribution(String to, String baseUrl, String token, String about, int hours) {
        send(to, MailText.of("Atlas Citoyen : confirmez votre contribution", link(baseUrl, token), "Confirmer ma contribution",
                "Bonjour,",
                "Vous avez proposé une contribution à Atlas Citoyen : " + about + ".",
                "Elle ne sera examinée par les coordinateurs de votre territoire qu'après votre confirmation. "
                        + "Le lien ci-dessous ouvre une page où un bouton la confirme ; il est valable " + hours + " heures."));
    }

    void confirmClaim(String to, String baseUrl, String token, String recordName, int hours) {
        send(to, MailText.of("Atlas Citoyen : « " + oneLine(recordName) + " » est-elle votre structure ?", link(baseUrl, token),
                "Confirmer que cette personne gère notre fiche",
                "Bonjour,",
                "Quelqu'un a demandé à gérer la fiche « " + recordName + " » sur Atlas Citoyen, la carte de l'engagement "
                        + "citoyen en Occitanie. Ce message est envoyé à l'adresse que l'annuaire connaît pour cette structure ; "
                        + "elle n'est montrée à personne.",
                "Si cette demande vient bien de votre structure, confirmez-la avec le lien ci-dessous (valable " + hours
                        + " heures) : ses modifications de la fiche seront alors publiées directement. Sinon, ignorez ce message."));
    }

    public void decision(String to, String about, boolean approved, String reason) {
        try {
            decisionMail(to, about, approved, reason);
        } catch (RuntimeException e) {
            // The decision is made and recorded; only the mail is lost, which must not undo it.
            log.warn("The decision mail could not be sent: {}", e.getMessage());
        }
    }

    private void decisionMail(String to, String about, boolean approved, String reason) {
        if (approved) {
            send(to, MailText.of("Atlas Citoyen : votre contribution est publiée", null, null,
                    "Bonjour,", "Votre contribution (" + about + ") a été validée par un modérateur et est publiée. Merci !"));
        } else {
            send(to, MailText.of("Atlas Citoyen : votre contribution n'a pas été retenue", null, null,
                    "Bonjour,", "Votre contribution (" + about + ") n'a pas été retenue par un modérateur, pour la raison suivante :",
                    reason == null ? "(aucune raison donnée)" : reason,
                    "Vous pouvez proposer à nouveau une contribution qui en tient compte."));
        }
    }

    /** Sends a mail; when the mail server fails, a 503 (the contribution waits, unconfirmed, and can be sent again). */
    private void send(String to, MailText mail) {
        try {
            mailer.send(List.of(to), mail.subject(), mail.text(), mail.html());
        } catch (RuntimeException e) {
            log.warn("Mail \"{}\" not sent: {}", mail.subject(), e.getMessage());
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The mail could not be sent; try again in a moment");
        }
    }

    private static String link(String baseUrl, String token) {
        return baseUrl + "/confirmer.html#" + token;
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 80 ? line.substring(0, 79) + "…" : line;
    }
}
