package org.atlascitoyen.mapservice.follow;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.mail.Mailer;
import org.atlascitoyen.mapservice.territory.TerritoryRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

/**
 * The mails of "Suivre un territoire", in French, as plain text and HTML where every record's name
 * and summary is escaped: the double opt-in link of an anonymous subscription, and the digest, which
 * lists what is new by kind with links to the atlas and carries a one-click unsubscribe (its link,
 * and the {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} headers of RFC 8058). A mail
 * failure is logged by its kind only: an exception's message can hold an address.
 */
@Component
class FollowMails {

    private static final Logger log = LoggerFactory.getLogger(FollowMails.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Mailer mailer;

    FollowMails(Mailer mailer) {
        this.mailer = mailer;
    }

    void confirm(String to, String baseUrl, String token, TerritoryRef territory, int hours) {
        Body body = new Body()
                .paragraph("Bonjour,")
                .paragraph("Vous avez demandé à suivre les nouveautés d'Atlas Citoyen sur " + territoryName(territory) + ". "
                        + "Pour recevoir ces envois, confirmez que cette adresse est bien la vôtre.")
                .paragraph("Le lien ci-dessous ouvre une page où un bouton confirme l'abonnement ; il est valable " + hours + " heures.")
                .link("Confirmer mon abonnement", baseUrl + "/suivre.html#jeton=" + token)
                .footer("Vous recevez ce message parce que cette adresse a été donnée dans le formulaire « Suivre un territoire » "
                        + "d'Atlas Citoyen. Si ce n'est pas vous, ignorez-le : aucun autre message ne suivra.");
        try {
            mailer.send(List.of(to), "Atlas Citoyen : confirmez votre abonnement", body.text(), body.html());
        } catch (RuntimeException e) {
            log.warn("Subscription confirmation mail not sent: {}", e.getClass().getSimpleName());
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The mail could not be sent; try again in a moment");
        }
    }

    /** A digest of news, by kind; false when it could not leave. */
    boolean digest(String to, String baseUrl, TerritoryRef territory, String frequency, List<String> themeLabels,
            Map<RecordKind, List<TerritoryNews.Item>> news, OffsetDateTime since, int perKind, String unsubscribeToken) {
        String period = "weekly".equals(frequency) ? "de la semaine" : "du mois";
        Body body = new Body().paragraph("Bonjour,")
                .paragraph("Voici les nouveautés " + period + " d'Atlas Citoyen sur " + territoryName(territory)
                        + (themeLabels.isEmpty() ? "" : ", pour les thèmes : " + String.join(", ", themeLabels)) + ".");
        for (Map.Entry<RecordKind, List<TerritoryNews.Item>> kind : news.entrySet()) {
            List<TerritoryNews.Item> items = kind.getValue();
            body.heading(kind.getKey().title());
            for (TerritoryNews.Item item : items.subList(0, Math.min(items.size(), perKind))) {
                body.item(itemTitle(item, since), item.summary(), atlasLink(baseUrl, item.kind(), item.id()));
            }
            if (items.size() > perKind) {
                body.paragraph("… et d'autres encore sur la carte.");
            }
        }
        String unsubscribe = baseUrl + "/desabonner.html#jeton=" + unsubscribeToken;
        body.link("Voir le territoire sur la carte", baseUrl + "/#territory=" + territory.kind() + ":" + territory.code())
                .link("Se désabonner", unsubscribe)
                .footer("Vous recevez ce message parce que vous suivez " + territoryName(territory) + " sur Atlas Citoyen ("
                        + ("weekly".equals(frequency) ? "chaque semaine" : "chaque mois") + ", seulement quand il y a du nouveau). "
                        + "Le lien « Se désabonner » arrête ces envois en un clic.");
        Map<String, String> headers = new LinkedHashMap<>();
        // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to this address, no page, no cookie.
        headers.put("List-Unsubscribe", "<" + baseUrl + "/api/subscriptions/unsubscribe/" + unsubscribeToken + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        try {
            mailer.send(List.of(to), "Atlas Citoyen : du nouveau sur " + oneLine(territory.name()), body.text(), body.html(), headers);
            return true;
        } catch (RuntimeException e) {
            log.warn("Digest mail not sent: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    /**
     * A record on the atlas: the map's URL state ({@code web/src/app/hash.js}) names an open record by its
     * kind's key, {@code #actor=12}, {@code #event=7}.
     */
    static String atlasLink(String baseUrl, RecordKind kind, long id) {
        return baseUrl + "/#" + kind.table() + "=" + id;
    }

    static String territoryName(TerritoryRef territory) {
        String article = switch (territory.kind()) {
            case "commune" -> "la commune";
            case "epci" -> "l'intercommunalité";
            case "petr" -> "le PETR";
            case "bassin_vie" -> "le bassin de vie";
            case "departement" -> "le département";
            case "region" -> "la région";
            default -> "le territoire";
        };
        return article + " « " + territory.name() + " »";
    }

    private static String itemTitle(TerritoryNews.Item item, OffsetDateTime since) {
        String title = item.name();
        if (item.startsAt() != null) {
            title += " (" + DAY.format(item.startsAt().atZoneSameInstant(PARIS)) + ")";
        }
        return item.createdSince(since) ? title : title + " — mis à jour";
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ");
        return line.length() > 80 ? line.substring(0, 79) + "…" : line;
    }

    /** A mail's two forms, built together; every piece of text is escaped in the HTML. */
    private static final class Body {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body>");

        Body paragraph(String value) {
            text.append(value).append("\n\n");
            html.append("<p>").append(escape(value)).append("</p>");
            return this;
        }

        Body heading(String value) {
            text.append("## ").append(value).append("\n\n");
            html.append("<h2>").append(escape(value)).append("</h2>");
            return this;
        }

        Body item(String title, String summary, String url) {
            text.append("- ").append(title).append('\n');
            if (summary != null) {
                text.append("  ").append(summary).append('\n');
            }
            text.append("  ").append(url).append("\n\n");
            html.append("<p><a href=\"").append(escape(url)).append("\">").append(escape(title)).append("</a>");
            if (summary != null) {
                html.append("<br>").append(escape(summary));
            }
            html.append("</p>");
            return this;
        }

        Body link(String label, String url) {
            text.append(label).append(" :\n").append(url).append("\n\n");
            html.append("<p><a href=\"").append(escape(url)).append("\">").append(escape(label)).append("</a></p>");
            return this;
        }

        Body footer(String value) {
            text.append("-- \n").append(value).append('\n');
            html.append("<hr><p><small>").append(escape(value)).append("</small></p>");
            return this;
        }

        String text() {
            return text.toString();
        }

        String html() {
            return html + "</body></html>";
        }

        private static String escape(String value) {
            return HtmlUtils.htmlEscape(value, "UTF-8");
        }
    }
}
