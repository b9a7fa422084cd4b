package org.atlascitoyen.mapservice.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends mails through the SMTP server of {@code spring.mail.*}, as plain text in UTF-8. */
public final class SmtpMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

    private final JavaMailSender sender;
    private final String from;

    public SmtpMailer(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(List<String> to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(text);
        sender.send(message);
        log.info("Mail \"{}\" sent to {} recipient(s) by SMTP", subject, to.size());
    }

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
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            helper.setFrom(from);
            if (replyTo != null) {
                helper.setReplyTo(replyTo);
            }
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(subject);
            helper.setText(text, html);
            for (Map.Entry<String, String> header : headers.entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
        } catch (MessagingException e) {
            throw new MailPreparationException("cannot prepare the mail: " + e.getMessage(), e);
        }
        sender.send(message);
        log.info("Mail \"{}\" (text and HTML) sent to {} recipient(s) by SMTP", subject, to.size());
    }
}
