package org.atlascitoyen.mapservice.mail;

import java.util.List;
import java.util.Map;

/**
 * Sends a plain-text mail: by SMTP when {@code spring.mail.host} is set ({@link SmtpMailer}),
 * else into the outbox folder as an {@code .eml} file ({@link OutboxMailer}), which
 * {@code ./atlas mail} lists. Implementations never log an address above DEBUG.
 */
public interface Mailer {

    /** Sends {@code text} (UTF-8 plain text, no HTML) to every address of {@code to}. */
    void send(List<String> to, String subject, String text);

    /**
     * Sends a mail with a plain-text part and an HTML part of the same content
     * ({@code multipart/alternative}): mail clients show the HTML, others the text. The caller
     * escapes every user value in {@code html} ({@link org.springframework.web.util.HtmlUtils}).
     */
    void send(List<String> to, String subject, String text, String html);

    /**
     * As {@link #send(List, String, String, String)}, with a {@code Reply-To} address: the contact
     * relay's mails come from the service and are answered to their sender.
     */
    void send(List<String> to, String replyTo, String subject, String text, String html);

    /**
     * As {@link #send(List, String, String, String)}, with extra header fields ({@code List-Unsubscribe}
     * and {@code List-Unsubscribe-Post} of the digests, RFC 8058). Values are the caller's, never
     * user text.
     */
    void send(List<String> to, String subject, String text, String html, Map<String, String> headers);
}
