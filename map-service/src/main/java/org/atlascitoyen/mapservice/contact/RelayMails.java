package org.atlascitoyen.mapservice.contact;

import java.util.List;
import org.atlascitoyen.mapservice.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The relay's mails, in French: the anonymous sender's confirmation link, the message to the
 * recipient (From the service, Reply-To the sender, with the reason it came and the link that turns
 * the relay off), and the sender's copy, which names the record but never its address. A mail
 * failure is logged by its kind only: an exception's message can hold an address.
 */
@Component
class RelayMails {

    private static final Logger log = LoggerFactory.getLogger(RelayMails.class);

    private final Mailer mailer;

    RelayMails(Mailer mailer) {
        this.mailer = mailer;
    }

    void confirmSender(String to, String baseUrl, String token, String recordName, int hours) {
        RelayMail mail = RelayMail.subject("Atlas Citoyen : confirmez l'envoi de votre message")
                .paragraph("Bonjour,")
                .paragraph("Vous avez écrit à « " + recordName + " » par Atlas Citoyen. Pour que votre message parte, "
                        + "confirmez que cette adresse est bien la vôtre : c'est à elle que la réponse éventuelle arrivera.")
                .paragraph("Le lien ci-dessous ouvre une page où un bouton envoie le message ; il est valable " + hours + " heures.")
                .link("Confirmer et envoyer mon message", baseUrl + "/contact-confirmer.html#" + token)
                .footer("Vous recevez ce message parce que cette adresse a été donnée dans le formulaire « Contacter » "
                        + "d'Atlas Citoyen. Si ce n'est pas vous, ignorez-le : rien ne sera envoyé.")
                .build();
        send("confirmation", List.of(to), null, mail);
    }

    /** The message itself, to the recipient's private address. */
    void relay(String to, String replyTo, String senderName, String recordName, String message, String optOutUrl) {
        RelayMail mail = RelayMail.subject("Atlas Citoyen : un message pour « " + oneLine(recordName) + " »")
                .paragraph("Bonjour,")
                .paragraph(senderName + " vous écrit par Atlas Citoyen, la carte de l'engagement citoyen, au sujet de la fiche « "
                        + recordName + " » :")
                .quote(message)
                .paragraph("Pour répondre, répondez simplement à ce message : votre réponse ira à l'adresse que " + senderName
                        + " a donnée et confirmée. Atlas Citoyen ne lui a pas communiqué votre adresse ; elle ne la découvrira "
                        + "que si vous répondez.")
                .link("Ne plus recevoir de messages par l'Atlas", optOutUrl)
                .footer("Vous recevez ce message parce que la fiche « " + recordName + " » d'Atlas Citoyen propose « Contacter » "
                        + "et que cette adresse est celle que l'atlas connaît pour elle ; elle n'est montrée à personne. "
                        + "Le lien « Ne plus recevoir de messages par l'Atlas » ci-dessus arrête ces messages.")
                .build();
        send("relay", List.of(to), replyTo, mail);
    }

    /** The sender's copy: what they wrote and to which record, without the recipient's address. */
    void copyToSender(String to, String senderName, String recordName, String message) {
        RelayMail mail = RelayMail.subject("Atlas Citoyen : copie de votre message à « " + oneLine(recordName) + " »")
                .paragraph("Bonjour " + senderName + ",")
                .paragraph("Votre message a été transmis à « " + recordName + " ». Si la réponse vient, elle arrivera "
                        + "directement à cette adresse ; l'adresse du destinataire ne vous est pas communiquée.")
                .paragraph("Votre message :")
                .quote(message)
                .footer("Vous recevez cette copie parce que vous avez écrit par le formulaire « Contacter » d'Atlas Citoyen.")
                .build();
        try {
            send("copy", List.of(to), null, mail);
        } catch (ResponseStatusException e) {
            // The message itself went: a lost copy must not make the sender send it twice.
        }
    }

    private void send(String what, List<String> to, String replyTo, RelayMail mail) {
        try {
            mailer.send(to, replyTo, mail.subject(), mail.text(), mail.html());
        } catch (RuntimeException e) {
            log.warn("Relay mail ({}) not sent: {}", what, e.getClass().getSimpleName());
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The mail could not be sent; try again in a moment");
        }
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 80 ? line.substring(0, 79) + "…" : line;
    }
}
