package org.atlascitoyen.mapservice.mail;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's admins, who are mailed when something needs them (a scheduled import that
 * failed).
 *
 * @param adminEmails their addresses: {@code ATLAS_ADMIN_EMAILS}, comma-separated; none by
 *                    default (then such mails are not sent, and a warning says so)
 */
@ConfigurationProperties("atlas")
public record AdminProperties(@DefaultValue List<String> adminEmails) {

    public AdminProperties {
        adminEmails = adminEmails.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
    }
}
