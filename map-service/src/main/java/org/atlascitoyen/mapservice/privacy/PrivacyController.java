package org.atlascitoyen.mapservice.privacy;

import java.time.Duration;
import java.util.List;
import org.atlascitoyen.mapservice.account.AccountProperties;
import org.atlascitoyen.mapservice.contact.ContactProperties;
import org.atlascitoyen.mapservice.contribution.ContributionProperties;
import org.atlascitoyen.mapservice.ratelimit.Limit;
import org.atlascitoyen.mapservice.ratelimit.RateLimitProperties;
import org.atlascitoyen.mapservice.retention.RetentionProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/privacy}: the durations and limits that the "Données personnelles" page
 * ({@code /donnees-personnelles.html}) states, read from the settings themselves.
 */
@RestController
public class PrivacyController {

    private static final long DAY = 86_400;

    private final PrivacyProperties privacy;
    private final RetentionProperties retention;
    private final ContactProperties contact;
    private final ContributionProperties contribution;
    private final AccountProperties account;
    private final RateLimitProperties rateLimits;

    PrivacyController(PrivacyProperties privacy, RetentionProperties retention, ContactProperties contact,
            ContributionProperties contribution, AccountProperties account, RateLimitProperties rateLimits) {
        this.privacy = privacy;
        this.retention = retention;
        this.contact = contact;
        this.contribution = contribution;
        this.account = account;
        this.rateLimits = rateLimits;
    }

    @GetMapping("/api/privacy")
    public ResponseEntity<PrivacyInfo> privacy() {
        List<PrivacyInfo.Duration> durations = List.of(
                months("account-inactive", "ATLAS_RETENTION_ACCOUNT_INACTIVE_MONTHS", retention.accountInactiveMonths()),
                days("account-second-warning", "ATLAS_RETENTION_SECOND_WARNING_AFTER_DAYS", retention.secondWarningAfterDays()),
                days("account-delete", "ATLAS_RETENTION_DELETE_AFTER_DAYS", retention.deleteAfterDays()),
                days("unconfirmed", "ATLAS_RETENTION_UNCONFIRMED_DAYS", retention.unconfirmedDays()),
                days("relay-text", "ATLAS_RETENTION_RELAY_TEXT_DAYS", retention.relayTextDays()),
                duration("relay-confirm", "ATLAS_CONTACT_CONFIRM_HOURS", Duration.ofHours(contact.confirmHours())),
                days("relay-opt-out-link", "ATLAS_CONTACT_OPT_OUT_DAYS", contact.optOutDays()),
                duration("contribution-confirm", "ATLAS_CONTRIBUTION_CONFIRM_HOURS", Duration.ofHours(contribution.confirmHours())),
                duration("signin-link", "ATLAS_SIGNIN_LINK_VALIDITY", account.signinLinkValidity()),
                duration("session-idle", "ATLAS_SESSION_IDLE_TIMEOUT", account.sessionIdleTimeout()));
        List<PrivacyInfo.RateLimit> limits = List.of(
                limit("contact-pair", "ATLAS_CONTACT_PAIR_LIMIT", contact.pairLimit()),
                limit("contact-sender", "ATLAS_CONTACT_SENDER_LIMIT", contact.senderLimit()),
                limit("contact-recipient", "ATLAS_CONTACT_RECIPIENT_LIMIT", contact.recipientLimit()),
                limit("contact-ip", "ATLAS_CONTACT_IP_LIMIT", contact.ipLimit()),
                limit("signin-email", "ATLAS_RATE_LIMIT_SIGNIN_EMAIL", rateLimits.signinEmail()),
                limit("signin-ip", "ATLAS_RATE_LIMIT_SIGNIN_IP", rateLimits.signinIp()),
                limit("contribution-ip", "ATLAS_RATE_LIMIT_CONTRIBUTION_IP", rateLimits.contributionIp()),
                limit("contribution-account", "ATLAS_RATE_LIMIT_CONTRIBUTION_ACCOUNT", rateLimits.contributionAccount()),
                limit("report-ip", "ATLAS_RATE_LIMIT_REPORT_IP", rateLimits.reportIp()));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(new PrivacyInfo(privacy.contact(), durations, limits));
    }

    private static PrivacyInfo.Duration months(String key, String setting, int months) {
        return new PrivacyInfo.Duration(key, setting, months * 30L * DAY, months + " mois");
    }

    private static PrivacyInfo.Duration days(String key, String setting, int days) {
        return new PrivacyInfo.Duration(key, setting, days * DAY, plural(days, "jour"));
    }

    private static PrivacyInfo.Duration duration(String key, String setting, Duration duration) {
        return new PrivacyInfo.Duration(key, setting, duration.toSeconds(), french(duration));
    }

    private static PrivacyInfo.RateLimit limit(String key, String setting, Limit limit) {
        return new PrivacyInfo.RateLimit(key, setting, limit.capacity(), limit.period().toSeconds(),
                limit.capacity() + " par " + french(limit.period()));
    }

    /** "30 jours", "48 heures", "15 minutes": the largest whole unit. */
    static String french(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % DAY == 0) {
            return plural(seconds / DAY, "jour");
        }
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "heure");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "seconde");
    }

    private static String plural(long n, String unit) {
        return n == 1 ? "1 " + unit : n + " " + unit + "s";
    }
}
