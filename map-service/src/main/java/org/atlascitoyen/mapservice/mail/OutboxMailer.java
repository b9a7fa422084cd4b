package org.atlascitoyen.mapservice.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each mail as an RFC 5322 {@code .eml} file in a folder: the local default when no SMTP
 * server is configured. Headers are UTF-8 as written (RFC 6532) and the body 8-bit, so that the
 * file reads as text ({@code ./atlas mail show N}) and opens in any mail client.
 */
public final class OutboxMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

    private final Path outbox;
    private final String from;
    private final Session session;

    public OutboxMailer(Path outbox, String from) {
        this.outbox = outbox;
        this.from = from;
        Properties properties = new Properties();
        properties.setProperty("mail.mime.allowutf8", "true");
        this.session = Session.getInstance(properties);
    }

    public Path outbox() {
        return outbox;
    }

    @Override
    public void send(List<String> to, String subject, String text) {
        send(to, subject, text, null);
    }

    /** With {@code html} null, a plain-text mail; else multipart/alternative, the text first. */
    @Override
    public void send(List<String> to, String subject, String text, String html) {
        send(to, null, subject, text, html);
    }

    @Override
    public void send(List<String> to, String replyTo, String subject, String text, String html) {
        send(to, replyTo, subject, text, html, Map.of());
    }

    @Override
    public void send(List<String> to, String subject, String text, String html, Map<String, String> headers) {
        send(to, null, subject, text, html, headers);
    }

    private void send(List<String> to, String replyTo, String subject, String text, String html, Map<String, String> headers) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            if (replyTo != null) {
                message.setReplyTo(new InternetAddress[] {new InternetAddress(replyTo)});
            }
            for (String address : to) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
            }
            message.setHeader("Subject", subject.replaceAll("[\\r\\n]+", " ")); // raw UTF-8 (mail.mime.allowutf8)
            message.setSentDate(new Date());
            for (Map.Entry<String, String> header : headers.entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            if (html == null) {
                message.setText(text, "UTF-8");
                message.saveChanges();
                message.setHeader("Content-Transfer-Encoding", "8bit");
            } else {
                MimeMultipart alternative = new MimeMultipart("alternative");
                alternative.addBodyPart(part(text, "plain"));
                alternative.addBodyPart(part(html, "html"));
                message.setContent(alternative);
                message.saveChanges();
            }
            Files.createDirectories(outbox);
            String name = FILE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-"
                    + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000)) + ".eml";
            Path part = outbox.resolve(name + ".part");
            try (OutputStream out = Files.newOutputStream(part)) {
                message.writeTo(out);
            }
            Files.move(part, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            log.info("Mail \"{}\" to {} recipient(s) written to the outbox: {} (no SMTP server set: spring.mail.host)",
                    subject, to.size(), outbox.resolve(name));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot write the mail: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the mail to " + outbox, e);
        }
    }

    /** A UTF-8 part written as 8-bit text, so that the .eml reads as text (links included). */
    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, "UTF-8", subtype);
        part.setHeader("Content-Transfer-Encoding", "8bit");
        return part;
    }
}
