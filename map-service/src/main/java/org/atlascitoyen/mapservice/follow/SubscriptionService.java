package org.atlascitoyen.mapservice.follow;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.account.EmailAddress;
import org.atlascitoyen.mapservice.contribution.Tokens;
import org.atlascitoyen.mapservice.ratelimit.RateLimits;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.Vocabularies;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.NotFoundException;
import org.atlascitoyen.mapservice.territory.TerritoryKeys;
import org.atlascitoyen.mapservice.territory.TerritoryKind;
import org.atlascitoyen.mapservice.territory.TerritoryRef;
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
 * Subscriptions to a territory's news: taken with recorded consent, confirmed by a mailed link
 * when anonymous (double opt-in: nothing but that link is sent before), active at once for a
 * signed-in account (its own address, read at send time), ended by their owner or by the link of
 * any digest. The address is never in an answer nor in a log line.
 */
@Service
public class SubscriptionService {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);
    private static final String INSERT = SqlResource.statement("sql/follow/insert.sql");
    private static final String INSERT_CONSENT = SqlResource.statement("sql/follow/insert-consent.sql");
    private static final String CONFIRM = SqlResource.statement("sql/follow/confirm.sql");
    private static final String REPLACE_OLDER = SqlResource.statement("sql/follow/replace-older.sql");
    private static final String COUNT_OF = SqlResource.statement("sql/follow/count-of.sql");
    private static final String ONE = SqlResource.statement("sql/follow/one.sql");
    private static final String MINE = SqlResource.statement("sql/follow/mine.sql");
    private static final String DELETE = SqlResource.statement("sql/follow/delete.sql");
    private static final String UNSUBSCRIBE_TOKEN = SqlResource.statement("sql/follow/unsubscribe-token.sql");
    /** The kinds of territory one can follow: those built from communes (QPV and PNR are not keys of a record). */
    static final List<TerritoryKind> KINDS = List.of(TerritoryKind.COMMUNE, TerritoryKind.EPCI, TerritoryKind.PETR,
            TerritoryKind.BASSIN_VIE, TerritoryKind.DEPARTEMENT, TerritoryKind.REGION);
    private static final String BAD_LINK = "This link is not valid, or no longer";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final FollowMails mails;
    private final RateLimits rateLimits;
    private final FollowProperties properties;
    private final TerritoryKeys territories;
    private final Vocabularies vocabularies;

    SubscriptionService(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions,
            FollowMails mails, RateLimits rateLimits, FollowProperties properties, TerritoryKeys territories, Vocabularies vocabularies) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mails = mails;
        this.rateLimits = rateLimits;
        this.properties = properties;
        this.territories = territories;
        this.vocabularies = vocabularies;
    }

    /** The wording the page shows beside its checkbox, and its version. */
    public record Consent(String version, String wording) {
    }

    Consent consent() {
        return new Consent(properties.consentVersion(), properties.consentWording());
    }

    /** Who subscribes: a signed-in account (its own address) or an anonymous address. */
    record Subscriber(Long accountId, String email) {
        boolean signedIn() {
            return accountId != null;
        }
    }

    /** What a request asks for, checked: the current territory, known themes, a frequency. */
    record Choice(TerritoryRef territory, List<String> themes, String frequency) {
    }

    /** Checks what a request says without writing anything: 400 naming the member. */
    Choice check(SubscriptionRequest request, boolean signedIn) {
        if (!Boolean.TRUE.equals(request.consent())) {
            throw new BadParameterException("consent", "Required: true, once the person has ticked the consent wording");
        }
        if (request.consentVersion() != null && !request.consentVersion().equals(properties.consentVersion())) {
            throw new BadParameterException("consentVersion", "The consent wording in force is version "
                    + properties.consentVersion() + "; reload the page");
        }
        if (!"weekly".equals(request.frequency()) && !"monthly".equals(request.frequency())) {
            throw new BadParameterException("frequency", "One of weekly, monthly");
        }
        if (!signedIn) {
            EmailAddress.parse(request.email(), "email");
        }
        return new Choice(territory(request.territory(), "territory"), themes(request.themes()), request.frequency());
    }

    /** A followable territory from {@code kind:code} (a former code with one successor: the successor). */
    TerritoryRef territory(String value, String parameter) {
        String v = value == null ? "" : value.strip();
        int colon = v.indexOf(':');
        if (colon < 1 || colon == v.length() - 1 || v.length() > 60) {
            throw new BadParameterException(parameter, "Required: KIND:CODE, e.g. petr:200067932");
        }
        TerritoryKind kind = TerritoryKind.parse(v.substring(0, colon), parameter);
        if (!KINDS.contains(kind)) {
            throw new BadParameterException(parameter, "One follows a commune, epci, petr, bassin_vie, departement or region");
        }
        String code = v.substring(colon + 1);
        return territories.resolve(kind, code, parameter)
                .orElseThrow(() -> new BadParameterException(parameter, "No " + kind.key() + " with code '" + code + "'"));
    }

    private List<String> themes(List<String> values) {
        if (values == null) {
            return List.of();
        }
        Map<String, String> known = vocabularies.themes();
        LinkedHashSet<String> themes = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || !known.containsKey(value)) {
                throw new BadParameterException("themes", "Unknown theme; expected codes of GET /api/vocabularies");
            }
            themes.add(value);
        }
        if (themes.size() > properties.themesMax()) {
            throw new BadParameterException("themes", "At most " + properties.themesMax() + " themes");
        }
        return new ArrayList<>(themes);
    }

    /** Limits per IP, for subscriptions and posted tokens alike. */
    void limitIp(String ip) {
        rateLimits.check("follow-ip", properties.ipLimit(), ip);
    }

    /**
     * Takes a subscription: active at once for an account; for an address, stored unconfirmed and a
     * link mailed. The answer is the same whether the address already follows anything or not.
     */
    String subscribe(Choice choice, Subscriber subscriber, String form, String baseUrl) {
        String email = subscriber.signedIn() ? null : EmailAddress.parse(subscriber.email(), "email");
        if (!subscriber.signedIn()) {
            rateLimits.check("follow-address", properties.addressLimit(), email);
        }
        long held = jdbc.sql(COUNT_OF).param("email", email).param("accountId", subscriber.accountId()).query(Long.class).single();
        if (held >= properties.perAccountMax()) {
            if (subscriber.signedIn()) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "At most " + properties.perAccountMax()
                        + " subscriptions per account: end one first");
            }
            // Said to nobody: a different answer would tell whether the address follows territories.
            log.info("Subscription refused: its address holds {} already", held);
            return "unconfirmed";
        }
        String token = subscriber.signedIn() ? null : Tokens.create();
        String status = subscriber.signedIn() ? "active" : "unconfirmed";
        long id = transactions.execute(tx -> {
            long created = jdbc.sql(INSERT).param("territoryKind", choice.territory().kind())
                    .param("territoryCode", choice.territory().code()).param("themes", choice.themes().toArray(String[]::new))
                    .param("frequency", choice.frequency()).param("email", email).param("accountId", subscriber.accountId())
                    .param("status", status).param("confirmHash", token == null ? null : Tokens.hash(token))
                    .param("confirmHours", properties.confirmHours()).query(Long.class).single();
            jdbc.sql(INSERT_CONSENT).param("subscriptionId", created).param("accountId", subscriber.accountId())
                    .param("wordingVersion", properties.consentVersion()).param("wording", properties.consentWording())
                    .param("form", form).update();
            if (subscriber.signedIn()) {
                replaceOlder(created, choice.territory(), null, subscriber.accountId());
            }
            return created;
        });
        if (token != null) {
            mails.confirm(email, baseUrl, token, choice.territory(), properties.confirmHours());
        }
        log.info("Subscription {} to {}:{} taken ({})", id, choice.territory().kind(), choice.territory().code(), status);
        return status;
    }

    /** The button of the confirmation page: the subscription becomes active. 400 for a bad, spent or expired link. */
    Subscription confirm(String token) {
        String hash = hashOf(token);
        Subscription confirmed = transactions.execute(tx -> {
            record Confirmed(long id, String email) {
            }
            Optional<Confirmed> row = jdbc.sql(CONFIRM).param("hash", hash)
                    .query((rs, i) -> new Confirmed(rs.getLong("id"), rs.getString("email"))).optional();
            if (row.isEmpty()) {
                return null;
            }
            Subscription one = one(row.get().id()).orElseThrow();
            String[] key = one.territory().split(":", 2);
            replaceOlder(one.id(), new TerritoryRef(key[0], key[1], one.territoryName()), row.get().email(), null);
            return one;
        });
        if (confirmed == null) {
            throw new BadParameterException("token", BAD_LINK);
        }
        log.info("Subscription {} confirmed", confirmed.id());
        return confirmed;
    }

    /** The unsubscribe link of a digest (its page, or the mail client's one-click POST): the subscription ends. */
    Subscription unsubscribe(String token) {
        String hash = hashOf(token);
        long id = jdbc.sql(UNSUBSCRIBE_TOKEN).param("hash", hash).query(Long.class).optional()
                .orElseThrow(() -> new BadParameterException("token", BAD_LINK));
        Subscription ended = one(id).orElseThrow(() -> new BadParameterException("token", BAD_LINK));
        jdbc.sql(DELETE).param("id", id).param("accountId", null).query(Long.class).list();
        log.info("Subscription {} ended from a digest's link", id);
        return ended;
    }

    List<Subscription> mine(long accountId) {
        return jdbc.sql(MINE).param("accountId", accountId).query((rs, i) -> subscription(rs)).list();
    }

    /** An account ends one of its subscriptions: 404 when it is not one of its own. */
    void delete(long accountId, long id) {
        // Gone or someone else's: the same 404, which says nothing of other accounts.
        if (jdbc.sql(DELETE).param("id", id).param("accountId", accountId).query(Long.class).list().isEmpty()) {
            throw new NotFoundException("No subscription " + id + " of yours");
        }
        log.info("Subscription {} ended by its account", id);
    }

    private void replaceOlder(long id, TerritoryRef territory, String email, Long accountId) {
        jdbc.sql(REPLACE_OLDER).param("id", id).param("territoryKind", territory.kind()).param("territoryCode", territory.code())
                .param("email", email).param("accountId", accountId).update();
    }

    private Optional<Subscription> one(long id) {
        return jdbc.sql(ONE).param("id", id).query((rs, i) -> subscription(rs)).optional();
    }

    private static String hashOf(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw new BadParameterException("token", BAD_LINK);
        }
        return Tokens.hash(token);
    }

    static Subscription subscription(ResultSet rs) throws SQLException {
        return new Subscription(rs.getLong("id"), rs.getString("territory_kind") + ":" + rs.getString("territory_code"),
                rs.getString("territory_name"), texts(rs.getArray("themes")), rs.getString("frequency"), rs.getString("status"),
                rs.getObject("confirmed_at", java.time.OffsetDateTime.class),
                rs.getObject("last_sent_at", java.time.OffsetDateTime.class));
    }

    static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** The territory of a subscription as the generic filters take it. */
    static Filter.Territory filterTerritory(String kind, String code) {
        return new Filter.Territory(TerritoryKind.parse(kind, "territory"), code);
    }
}
