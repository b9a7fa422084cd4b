package org.atlascitoyen.mapservice.contact;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * A relay mail in its two forms, plain text and HTML, built from paragraphs: every paragraph is
 * escaped in the HTML part (a sender's {@code <script>} arrives as text), and its line breaks are
 * kept ({@code white-space: pre-wrap}), since a message is written in lines.
 */
record RelayMail(String subject, String text, String html) {

    /** Builds a mail. */
    static Builder subject(String subject) {
        return new Builder(subject.replaceAll("[\\r\\n\\t]+", " "));
    }

    static final class Builder {
        private final String subject;
        private final List<String[]> blocks = new ArrayList<>();

        private Builder(String subject) {
            this.subject = subject;
        }

        Builder paragraph(String text) {
            blocks.add(new String[] {"p", text});
            return this;
        }

        /** The sender's message, set apart (a quote in HTML, between lines in text). */
        Builder quote(String text) {
            blocks.add(new String[] {"quote", text});
            return this;
        }

        Builder link(String label, String url) {
            blocks.add(new String[] {"link", label, url});
            return this;
        }

        /** The closing lines under a rule: why the mail came, and what to do about it. */
        Builder footer(String text) {
            blocks.add(new String[] {"footer", text});
            return this;
        }

        RelayMail build() {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body>");
            for (String[] block : blocks) {
                switch (block[0]) {
                    case "quote" -> {
                        text.append("------------------------------------------------------------\n").append(block[1])
                                .append("\n------------------------------------------------------------\n\n");
                        html.append("<blockquote style=\"white-space:pre-wrap;border-left:3px solid #888;padding-left:1em\">")
                                .append(escape(block[1])).append("</blockquote>");
                    }
                    case "link" -> {
                        text.append(block[1]).append(" :\n").append(block[2]).append("\n\n");
                        html.append("<p><a href=\"").append(escape(block[2])).append("\">").append(escape(block[1]))
                                .append("</a></p>");
                    }
                    case "footer" -> {
                        text.append("-- \n").append(block[1]).append('\n');
                        html.append("<hr><p style=\"white-space:pre-wrap\"><small>").append(escape(block[1]))
                                .append("</small></p>");
                    }
                    default -> {
                        text.append(block[1]).append("\n\n");
                        html.append("<p style=\"white-space:pre-wrap\">").append(escape(block[1])).append("</p>");
                    }
                }
            }
            html.append("</body></html>");
            return new RelayMail(subject, text.toString(), html.toString());
        }

        private static String escape(String text) {
            return HtmlUtils.htmlEscape(text, "UTF-8");
        }
    }
}
