package org.atlascitoyen.mapservice.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** The service's {@link Mailer}: SMTP when Spring Boot configured a mail sender (spring.mail.host), else the outbox. */
@Configuration(proxyBeanMethods = false)
public class MailConfig {

    @Bean
    Mailer mailer(ObjectProvider<JavaMailSender> smtp, AtlasMailProperties properties,
                  @Value("${ATLAS_ROOT:}") String atlasRoot) {
        JavaMailSender sender = smtp.getIfAvailable();
        return sender != null ? new SmtpMailer(sender, properties.from())
                : new OutboxMailer(properties.outboxOr(atlasRoot), properties.from());
    }
}
