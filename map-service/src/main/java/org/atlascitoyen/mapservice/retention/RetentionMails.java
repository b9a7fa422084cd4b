package org.atlascitoyen.mapservice.retention;

import java.util.List;
import org.atlascitoyen.mapservice.mail.Mailer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The warnings of an inactive account, in French (text and HTML), with the sign-in page's link. */
@Component
class RetentionMails {

    private final Mailer mailer;

    RetentionMails(Mailer mailer) {
        this.mailer = mailer;
    }

    void warn(String to, boolean second, int months, int daysLeft, String baseUrl) {
        String subject = second ? "Atlas Citoyen : dernier rappel avant la suppression de votre compte"
                : "Atlas Citoyen : votre compte sera supprimé faute d'utilisation";
        String link = baseUrl + "/connexion.html";
        String[] paragraphs = {
            "Bonjour,",
            "Votre compte Atlas Citoyen n'a pas servi depuis " + months + " mois. Nous ne gardons pas les données "
                    + "personnelles plus longtemps que nécessaire : sans connexion de votre part, il sera supprimé dans "
                    + daysLeft + " jours environ" + (second ? " (dernier rappel)." : ", après un second rappel."),
            "Vos contributions resteront publiées, sans votre nom ni votre adresse.",
            "Pour garder votre compte, connectez-vous simplement : la page ci-dessous vous envoie un lien de connexion."
        };
        String why = "Vous recevez ce message parce que cette adresse est celle d'un compte Atlas Citoyen.";
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body>");
        for (String p : paragraphs) {
            text.append(p).append("\n\n");
            html.append("<p>").append(HtmlUtils.htmlEscape(p, "UTF-8")).append("</p>");
        }
        text.append("Me connecter :\n").append(link).append("\n\n-- \n").append(why).append('\n');
        html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(link, "UTF-8")).append("\">Me connecter</a></p><hr><p><small>")
                .append(HtmlUtils.htmlEscape(why, "UTF-8")).append("</small></p></body></html>");
        mailer.send(List.of(to), subject, text.toString(), html.toString());
    }
}
