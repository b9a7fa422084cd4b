package org.atlascitoyen.mapservice.contact;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.contribution.Tokens;
import org.atlascitoyen.mapservice.ratelimit.RateLimits;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.DataVersion;
import org.atlascitoyen.mapservice.system.NotFoundException;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * The contact relay: a message written on a record's card goes to the record's private address,
 * which no response, page, log line or copy ever shows. An anonymous sender first confirms their
 * address by a mailed link (so that nobody can make the relay mail a Reply-To they do not own); a
 * signed-in sender's account address is used directly. Limits per IP, sender, recipient, and pair.
 */
@Service
public class ContactService {

    private static final Logger log = LoggerFactory.getLogger(ContactService.class);
    private static final String RECIPIENT_ACTOR = SqlResource.statement("sql/contact/recipient-actor.sql");
    private static final String RECIPIENT_PERSON = SqlResource.statement("sql/contact/recipient-person.sql");
    private static final String RECIPIENT_NEED_OFFER = SqlResource.statement("sql/contact/recipient-need-offer.sql");
    private static final String INSERT = SqlResource.statement("sql/contact/insert.sql");
    private static final String CONFIRM = SqlResource.statement("sql/contact/confirm.sql");
    private static final String DELIVERED = SqlResource.statement("sql/contact/delivered.sql");
    private static final String OPT_OUT_TOKEN = SqlResource.statement("sql/contact/opt-out-token.sql");
    private static final String ACTOR_OFF = SqlResource.statement("sql/contact/actor-off.sql");
    private static final String ACTOR_ON = SqlResource.statement("sql/contact/actor-on.sql");
    private static final String PERSON_RELAY = SqlResource.statement("sql/contact/person-relay.sql");
    private static final String NEED_OFFER_RELAY = SqlResource.statement("sql/contact/need-offer-relay.sql");
    /** The kinds of record the relay writes to: actors, resource persons, needs and offers' authors. */
    private static final Set<String> KINDS = Set.of("actor", "person", "need_offer");
    private static final String IS_OWNER = SqlResource.statement("sql/contact/is-owner.sql");
    private static final String RECORD_NAME = SqlResource.statement("sql/contact/record-name.sql");
    private static final String MINE = SqlResource.statement("sql/contact/mine.sql");
    private static final String BUMP = SqlResource.statement("sql/moderation/bump.sql");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>()\\[\\],;:\"\\\\]{1,64}@[^@\\s<>()\\[\\],;:\"\\\\.]+(\\.[^@\\s<>()\\[\\],;:\"\\\\.]+)+");
    /** C0 controls but tab, LF and CR; DEL, C1 controls, and the bidirectional overrides. */
    private static final Pattern FORBIDDEN = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final int NAME_MAX = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RelayMails mails;
    private final RateLimits rateLimits;
    private final ContactProperties properties;
    private final DataVersion dataVersion;

    ContactService(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions,
            RelayMails mails, RateLimits rateLimits, ContactProperties properties, DataVersion dataVersion) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mails = mails;
        this.rateLimits = rateLimits;
        this.properties = properties;
        this.dataVersion = dataVersion;
    }

    /** Who writes: a signed-in account (its address) or an anonymous person (the address they gave). */
    public record Sender(Long accountId, String email) {
        boolean signedIn() {
            return accountId != null;
        }
    }

    /** A recipient: the record's public name and its private address (null: not contactable). */
    private record Recipient(String name, String email) {
    }

    /** Checks what a request says without the database: 400 naming the member. */
    void check(ContactRequest request, boolean signedIn) {
        if (!KINDS.contains(request.recordKind())) {
            if ("initiative".equals(request.recordKind())) {
                throw new BadParameterException("recordKind",
                        "An initiative has no address of its own: write to one of its carrying actors from its card");
            }
            throw new BadParameterException("recordKind", "One of actor, person, need_offer");
        }
        if (request.recordId() == null || request.recordId() < 1) {
            throw new BadParameterException("recordId", "Required: a record id");
        }
        text("senderName", request.senderName(), NAME_MAX, false);
        text("message", request.message(), properties.maxMessageChars(), true);
        if (!signedIn) {
            email(request.senderEmail());
        }
    }

    /** A guessed token is worth nothing (256 bits), but each guess costs a hash and a query. */
    void limitTokenGuesses(String ip) {
        rateLimits.check("contact-ip", properties.ipLimit(), ip);
    }

    /** Takes a message: 202 unconfirmed (anonymous: a link went to the sender) or sent. */
    ContactAccepted submit(ContactRequest request, Sender sender, String ip, String baseUrl) {
        rateLimits.check("contact-ip", properties.ipLimit(), ip);
        String kind = request.recordKind();
        long id = request.recordId();
        Recipient recipient = recipient(kind, id)
                .orElseThrow(() -> new NotFoundException("No " + kind + " " + id));
        if (recipient.email() == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "This record takes no messages through the atlas");
        }
        String from = sender.signedIn() ? sender.email() : email(request.senderEmail());
        String recipientKey = kind + ":" + id;
        rateLimits.check("contact-sender", properties.senderLimit(), from);
        rateLimits.check("contact-recipient", properties.recipientLimit(), recipientKey);
        rateLimits.check("contact-pair", properties.pairLimit(), from + "\u0000" + recipientKey);
        String name = request.senderName().strip();
        String message = request.message().strip();
        if (!sender.signedIn()) {
            String token = Tokens.create();
            long messageId = insert(kind, id, from, sender, name, message, "unconfirmed", Tokens.hash(token), null);
            mails.confirmSender(from, baseUrl, token, recipient.name(), properties.confirmHours());
            log.info("Relay message {} to {} {} waits for its sender's confirmation", messageId, kind, id);
            return new ContactAccepted("unconfirmed");
        }
        String optOut = Tokens.create();
        try {
            mails.relay(recipient.email(), from, name, recipient.name(), message, optOutUrl(baseUrl, optOut));
        } catch (ResponseStatusException e) {
            insert(kind, id, from, sender, name, message, "failed", null, null);
            throw e;
        }
        long messageId = insert(kind, id, from, sender, name, message, "sent", null, Tokens.hash(optOut));
        log.info("Relay message {} sent to {} {}", messageId, kind, id);
        mails.copyToSender(from, name, recipient.name(), message);
        return new ContactAccepted("sent");
    }

    /** The button of the sender's confirmation page: the message goes now. 400 for a bad, spent or expired link. */
    ContactAccepted confirm(String token, String baseUrl) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw new BadParameterException("token", "This link is not valid, or no longer: write your message again");
        }
        record Pending(long id, String kind, long recordId, String name, String email, String message) {
        }
        Pending pending = jdbc.sql(CONFIRM).param("hash", Tokens.hash(token))
                .query((rs, i) -> new Pending(rs.getLong("id"), rs.getString("record_kind"), rs.getLong("record_id"),
                        rs.getString("sender_name"), rs.getString("sender_email"), rs.getString("message")))
                .optional().orElseThrow(() -> new BadParameterException("token",
                        "This link is not valid, or no longer: write your message again"));
        Recipient recipient = recipient(pending.kind(), pending.recordId()).orElse(new Recipient(null, null));
        if (recipient.email() == null) {
            jdbc.sql(DELIVERED).param("id", pending.id()).param("status", "refused").param("optOutHash", null).update();
            throw new ResponseStatusException(HttpStatus.CONFLICT, "This record takes no messages through the atlas");
        }
        String optOut = Tokens.create();
        try {
            mails.relay(recipient.email(), pending.email(), pending.name(), recipient.name(), pending.message(),
                    optOutUrl(baseUrl, optOut));
        } catch (ResponseStatusException e) {
            jdbc.sql(DELIVERED).param("id", pending.id()).param("status", "failed").param("optOutHash", null).update();
            throw e;
        }
        jdbc.sql(DELIVERED).param("id", pending.id()).param("status", "sent").param("optOutHash", Tokens.hash(optOut)).update();
        log.info("Relay message {} confirmed and sent to {} {}", pending.id(), pending.kind(), pending.recordId());
        mails.copyToSender(pending.email(), pending.name(), recipient.name(), pending.message());
        return new ContactAccepted("sent");
    }

    /** What an opt-out turned off: the record, by its public name. */
    public record RelayState(String recordKind, long recordId, String name, boolean enabled) {
    }

    /**
     * A record an account manages, with its relay's state.
     *
     * @param hasAddress whether the atlas knows an address to relay to (never which)
     */
    public record ManagedRecord(String recordKind, long recordId, String name, boolean enabled, boolean hasAddress) {
    }

    /** The records an account manages or is, for the switches of "Mon compte". */
    List<ManagedRecord> managedBy(long accountId) {
        return jdbc.sql(MINE).param("accountId", accountId).query((rs, i) -> new ManagedRecord(rs.getString("record_kind"),
                rs.getLong("id"), rs.getString("name"), rs.getBoolean("enabled"), rs.getBoolean("has_address"))).list();
    }

    /** The button of a relayed mail's "ne plus recevoir" page. */
    RelayState optOut(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw new BadParameterException("token", "This link is not valid, or no longer");
        }
        record Target(String kind, long id) {
        }
        Target target = jdbc.sql(OPT_OUT_TOKEN).param("hash", Tokens.hash(token)).param("days", properties.optOutDays())
                .query((rs, i) -> new Target(rs.getString("record_kind"), rs.getLong("record_id"))).optional()
                .orElseThrow(() -> new BadParameterException("token", "This link is not valid, or no longer"));
        return setRelay(target.kind(), target.id(), false, false);
    }

    /** The owner's switch ("Mon compte", or the card): 403 to anyone else. */
    RelayState ownerSwitch(String kind, long id, boolean enabled, long accountId) {
        if (!KINDS.contains(kind)) {
            throw new BadParameterException("recordKind", "One of actor, person, need_offer");
        }
        boolean owner = jdbc.sql(IS_OWNER).param("recordKind", kind).param("recordId", id).param("accountId", accountId)
                .query(Boolean.class).single();
        if (!owner) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the record's manager turns its relay on or off");
        }
        return setRelay(kind, id, enabled, true);
    }

    private RelayState setRelay(String kind, long id, boolean enabled, boolean byOwner) {
        String name = jdbc.sql(RECORD_NAME).param("recordKind", kind).param("id", id).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("No " + kind + " " + id));
        transactions.executeWithoutResult(tx -> {
            if ("need_offer".equals(kind)) {
                jdbc.sql(NEED_OFFER_RELAY).param("id", id).param("enabled", enabled).update();
            } else if ("person".equals(kind)) {
                jdbc.sql(PERSON_RELAY).param("id", id).param("enabled", enabled).update();
            } else if (enabled) {
                jdbc.sql(ACTOR_ON).param("id", id).update();
            } else {
                jdbc.sql(ACTOR_OFF).param("id", id).param("byOwner", byOwner).update();
            }
            jdbc.sql(BUMP).update();
        });
        dataVersion.refresh();
        log.info("Relay turned {} for {} {}{}", enabled ? "on" : "off", kind, id, byOwner ? " by its manager" : " from a relayed mail");
        return new RelayState(kind, id, name, enabled);
    }

    private Optional<Recipient> recipient(String kind, long id) {
        String sql = switch (kind) {
            case "person" -> RECIPIENT_PERSON;
            case "need_offer" -> RECIPIENT_NEED_OFFER;
            default -> RECIPIENT_ACTOR;
        };
        return jdbc.sql(sql).param("id", id)
                .query((rs, i) -> new Recipient(rs.getString("name"), blankToNull(rs.getString("email")))).optional();
    }

    private long insert(String kind, long id, String from, Sender sender, String name, String message, String status,
            String confirmHash, String optOutHash) {
        return jdbc.sql(INSERT).param("recordKind", kind).param("recordId", id).param("senderHash", Tokens.hash(from))
                .param("senderAccountId", sender.accountId()).param("senderName", name)
                .param("senderEmail", sender.signedIn() ? null : from).param("message", message).param("status", status)
                .param("confirmHash", confirmHash).param("confirmHours", properties.confirmHours())
                .param("optOutHash", optOutHash).query(Long.class).single();
    }

    private static String optOutUrl(String baseUrl, String token) {
        return baseUrl + "/relais-desactiver.html#" + token;
    }

    static String email(String value) {
        String email = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw new BadParameterException("senderEmail", "Required when not signed in: the address the answer will go to");
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches() || FORBIDDEN.matcher(email).find()) {
            throw new BadParameterException("senderEmail", "Not an email address");
        }
        return email;
    }

    private static void text(String member, String value, int max, boolean lines) {
        if (value == null || value.isBlank()) {
            throw new BadParameterException(member, "Required");
        }
        if (value.strip().length() > max) {
            throw new BadParameterException(member, "At most " + max + " characters");
        }
        if (FORBIDDEN.matcher(value).find() || (!lines && value.strip().matches("(?s).*[\\r\\n\\t].*"))) {
            throw new BadParameterException(member, "Holds a control character");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
