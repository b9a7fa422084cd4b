package org.atlascitoyen.mapservice.moderation;

import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.contribution.ContributionMails;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the author of a contribution what a moderator decided, at their account's or their confirmed address. */
@Component
class DecisionMails {

    private static final String ACCOUNT_EMAIL = SqlResource.statement("sql/moderation/account-email.sql");

    private final JdbcClient jdbc;
    private final ContributionMails mails;

    DecisionMails(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, ContributionMails mails) {
        this.jdbc = jdbc;
        this.mails = mails;
    }

    void decision(Long accountId, String authorEmail, String kind, boolean approved, String reason) {
        String to = accountId == null ? authorEmail
                : jdbc.sql(ACCOUNT_EMAIL).param("id", accountId).query(String.class).optional().orElse(null);
        if (to != null) {
            mails.decision(to, switch (kind) {
                case "new" -> "une nouvelle fiche";
                case "change" -> "une modification de fiche";
                default -> "une demande de gestion de fiche";
            }, approved, reason);
        }
    }
}
