package org.atlascitoyen.mapservice.contribution;

import org.springframework.web.util.HtmlUtils;

/**
 * A mail in its two forms: plain text, and HTML where every piece of user text (a record's name,
 * a moderator's reason) is escaped, so that no markup from a user ever reaches a mail reader.
 */
public record MailText(String subject, String text, String html) {

    /** Builds both forms from paragraphs; the link, when not null, closes the mail. */
    public static MailText of(String subject, String link, String linkLabel, String... paragraphs) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body>");
        for (String paragraph : paragraphs) {
            text.append(paragraph).append("\n\n");
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph, "UTF-8")).append("</p>");
        }
        if (link != null) {
            text.append(linkLabel).append(" :\n").append(link).append("\n\n");
            html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(link, "UTF-8")).append("\">")
                    .append(HtmlUtils.htmlEscape(linkLabel, "UTF-8")).append("</a></p>");
        }
        String why = "Vous recevez ce message parce que cette adresse a été donnée sur Atlas Citoyen. "
                + "Si ce n'est pas vous, ignorez-le : rien ne sera publié et aucun autre message ne suivra.";
        text.append("-- \n").append(why).append('\n');
        html.append("<hr><p><small>").append(HtmlUtils.htmlEscape(why, "UTF-8")).append("</small></p></body></html>");
        return new MailText(subject, text.toString(), html.toString());
    }
}
