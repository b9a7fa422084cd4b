package org.atlascitoyen.mapservice.mail;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who sends the service's mails, and where they go without an SMTP server. SMTP itself is Spring
 * Boot's {@code spring.mail.*} ({@code SPRING_MAIL_HOST}, {@code _PORT}, {@code _USERNAME},
 * {@code _PASSWORD}); with no host set, mails are written to the outbox. The admins' addresses
 * are {@link AdminProperties}.
 *
 * @param from        the sender of the service's mails
 * @param outbox      the folder of {@code .eml} files when no SMTP server is set (default:
 *                    {@code .atlas/mail} in the project, {@code $ATLAS_ROOT/.atlas/mail})
 */
@ConfigurationProperties("atlas.mail")
public record AtlasMailProperties(@DefaultValue("Atlas Citoyen <atlas-citoyen@localhost>") String from,
                             Path outbox) {

    /** The outbox folder: the one set, else .atlas/mail under ATLAS_ROOT (the launcher sets it), else the working directory's. */
    public Path outboxOr(String atlasRoot) {
        if (outbox != null) {
            return outbox;
        }
        return Path.of(atlasRoot == null || atlasRoot.isBlank() ? "." : atlasRoot, ".atlas", "mail");
    }
}
