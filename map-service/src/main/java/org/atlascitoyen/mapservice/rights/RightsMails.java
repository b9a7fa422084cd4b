package org.atlascitoyen.mapservice.rights;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.atlascitoyen.mapservice.contribution.MailText;
import org.atlascitoyen.mapservice.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The mails of rights requests, in French, in text and HTML (every user value escaped by
 * {@link MailText}): the verification link (to the requester, or to the record's own address),
 * the outcome, and the admins' warning about an overdue request. The link opens
 * {@code /mes-droits.html#confirmer=TOKEN}, whose button posts the token: a mail scanner that
 * follows links spends nothing, and the fragment reaches no server log.
 */
@Component
class RightsMails {

    private static final Logger log = LoggerFactory.getLogger(RightsMails.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final Mailer mailer;

    RightsMails(Mailer mailer) {
        this.mailer = mailer;
    }

    void verifyRequester(String to, String baseUrl, String token, String kind, String recordName, int hours) {
        send(List.of(to), MailText.of("Atlas Citoyen : confirmez votre demande sur une fiche", link(baseUrl, token),
                "Confirmer ma demande",
                "Bonjour,",
                "Vous avez demandé à " + what(kind) + " la fiche « " + recordName + " » sur Atlas Citoyen.",
                "Elle ne sera transmise aux coordinateurs qu'après votre confirmation ; ils y répondront dans un délai d'un mois. "
                        + "Le lien ci-dessous ouvre une page où un bouton la confirme ; il est valable " + hours + " heures."));
    }

    void verifyRecord(String to, String baseUrl, String token, String kind, String recordName, int hours) {
        send(List.of(to), MailText.of("Atlas Citoyen : une demande sur la fiche « " + oneLine(recordName) + " »",
                link(baseUrl, token), "Confirmer cette demande",
                "Bonjour,",
                "Quelqu'un a demandé à " + what(kind) + " la fiche « " + recordName + " » sur Atlas Citoyen, la carte de "
                        + "l'engagement citoyen en Occitanie. Ce message est envoyé à l'adresse que l'annuaire connaît pour cette fiche ; "
                        + "elle n'est montrée à personne.",
                "Si cette demande vient de vous, confirmez-la avec le lien ci-dessous (valable " + hours + " heures) : les "
                        + "coordinateurs y répondront dans un délai d'un mois. Sinon, ignorez ce message."));
    }

    /** The outcome; a lost mail does not undo the decision. */
    void outcome(String to, String outcome, String recordName, String answer) {
        if (to == null) {
            return;
        }
        String about = recordName == null ? "la fiche qui vous concernait" : "la fiche « " + recordName + " »";
        MailText mail = switch (outcome) {
            case "corrected" -> MailText.of("Atlas Citoyen : votre demande de rectification est traitée", null, null,
                    "Bonjour,", "Votre demande sur " + about + " a été acceptée : la fiche est corrigée.");
            case "erased" -> MailText.of("Atlas Citoyen : vos données sont effacées", null, null,
                    "Bonjour,", "Votre demande d'effacement a été traitée : les données personnelles de " + about
                            + " sont effacées, et aucun import ne les remettra.");
            default -> MailText.of("Atlas Citoyen : votre demande n'a pas été acceptée", null, null,
                    "Bonjour,", "Votre demande sur " + about + " n'a pas été acceptée, pour la raison suivante :",
                    answer == null ? "(aucune raison donnée)" : answer,
                    "Vous pouvez répondre à cette décision en écrivant une nouvelle demande depuis la fiche, ou saisir la CNIL.");
        };
        try {
            mailer.send(List.of(to), mail.subject(), mail.text(), mail.html());
        } catch (RuntimeException e) {
            log.warn("The outcome mail of a rights request could not be sent: {}", e.getMessage());
        }
    }

    /** One mail to every admin about an overdue request; throws when it cannot be sent (the turn is retried). */
    void overdue(List<String> admins, long id, String kind, String recordName, OffsetDateTime dueAt, String baseUrl) {
        MailText mail = MailText.of("Atlas Citoyen : une demande de droits est en retard (n°" + id + ")",
                baseUrl + "/moderation.html#rights", "Ouvrir la console de modération",
                "Bonjour,",
                "La demande n°" + id + " (" + what(kind) + " la fiche « " + (recordName == null ? "?" : recordName) + " ») devait "
                        + "recevoir une réponse avant le " + DAY.format(dueAt) + ". Les coordinateurs de son territoire ne l'ont pas "
                        + "traitée : en tant qu'administrateur ou administratrice, vous pouvez la traiter.");
        mailer.send(admins, mail.subject(), mail.text(), mail.html());
    }

    private void send(List<String> to, MailText mail) {
        try {
            mailer.send(to, mail.subject(), mail.text(), mail.html());
        } catch (RuntimeException e) {
            log.warn("Mail \"{}\" not sent: {}", mail.subject(), e.getMessage());
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The mail could not be sent; try again in a moment");
        }
    }

    static String what(String kind) {
        return switch (kind) {
            case "correct" -> "corriger";
            case "erase" -> "effacer les données personnelles de";
            default -> "s'opposer à la publication de";
        };
    }

    private static String link(String baseUrl, String token) {
        return baseUrl + "/mes-droits.html#confirmer=" + token;
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ");
        return line.length() > 80 ? line.substring(0, 79) + "…" : line;
    }
}
