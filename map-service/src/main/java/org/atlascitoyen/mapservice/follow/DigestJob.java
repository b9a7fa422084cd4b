package org.atlascitoyen.mapservice.follow;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.account.AccountProperties;
import org.atlascitoyen.mapservice.contribution.Tokens;
import org.atlascitoyen.mapservice.record.Vocabularies;
import org.atlascitoyen.mapservice.territory.TerritoryKeys;
import org.atlascitoyen.mapservice.territory.TerritoryKind;
import org.atlascitoyen.mapservice.territory.TerritoryRef;
import org.atlascitoyen.mapservice.write.JobLock;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The digests: weekly (Monday morning, Paris time) and monthly (the 1st), per
 * {@code atlas.follow.weekly-cron} and {@code monthly-cron} ({@code -} turns one off). A turn claims
 * the active subscriptions of its frequency in one transaction that holds the job's advisory lock
 * (one instance at a time; another instance skips its turn), moving each one's period start to the
 * turn; then, per subscription, it reads what is new since the previous turn (or since the
 * confirmation) through {@link TerritoryNews} and mails it, only when there is something. A mail
 * that cannot leave gives its period back, so that the next turn covers it. {@link #run} is also
 * what tests and admins call to send a turn now ({@code POST /api/admin/digests/{frequency}}).
 */
@Component
public class DigestJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);
    private static final String EXPIRE_UNCONFIRMED = SqlResource.statement("sql/follow/expire-unconfirmed.sql");
    private static final String CLAIM_DUE = SqlResource.statement("sql/follow/claim-due.sql");
    private static final String INSERT_UNSUBSCRIBE = SqlResource.statement("sql/follow/insert-unsubscribe.sql");
    private static final String SENT = SqlResource.statement("sql/follow/sent.sql");
    private static final String UNCLAIM = SqlResource.statement("sql/follow/unclaim.sql");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TerritoryNews news;
    private final FollowMails mails;
    private final FollowProperties properties;
    private final TerritoryKeys territories;
    private final Vocabularies vocabularies;
    private final AccountProperties accounts;
    private final Environment environment;

    DigestJob(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions,
            TerritoryNews news, FollowMails mails, FollowProperties properties, TerritoryKeys territories,
            Vocabularies vocabularies, AccountProperties accounts, Environment environment) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.news = news;
        this.mails = mails;
        this.properties = properties;
        this.territories = territories;
        this.vocabularies = vocabularies;
        this.accounts = accounts;
        this.environment = environment;
    }

    /** The two frequencies, as stored. */
    public enum Frequency {
        WEEKLY, MONTHLY;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a turn did: subscriptions looked at, digests mailed (both 0 when another instance holds the lock). */
    public record Turn(int subscriptions, int mailed) {
    }

    private record Due(long id, OffsetDateTime since, OffsetDateTime turn, String territoryKind, String territoryCode, List<String> themes,
                       String email) {
    }

    /** One turn of a frequency, now. */
    public Turn run(Frequency frequency) {
        List<Due> due;
        try {
            due = transactions.execute(tx -> {
                if (!JobLock.tryHold(jdbc, "atlas.follow-digest-" + frequency.key())) {
                    return null;
                }
                jdbc.sql(EXPIRE_UNCONFIRMED).update();
                return jdbc.sql(CLAIM_DUE).param("frequency", frequency.key())
                        .query((rs, i) -> new Due(rs.getLong("id"), rs.getObject("since", OffsetDateTime.class),
                                rs.getObject("turn", OffsetDateTime.class),
                                rs.getString("territory_kind"), rs.getString("territory_code"),
                                SubscriptionService.texts(rs.getArray("themes")), rs.getString("email"))).list();
            });
        } catch (DataAccessException e) {
            log.warn("Digest turn ({}) failed: {}", frequency.key(), e.getClass().getSimpleName());
            return new Turn(0, 0);
        }
        if (due == null) {
            return new Turn(0, 0);
        }
        String baseUrl = accounts.publicUrlOr(environment.getProperty("local.server.port", Integer.class, 8080));
        int mailed = 0;
        for (Due subscription : due) {
            try {
                mailed += digest(subscription, frequency, baseUrl) ? 1 : 0;
            } catch (DataAccessException e) {
                log.warn("Digest of subscription {} failed: {}", subscription.id(), e.getClass().getSimpleName());
                unclaim(subscription);
            }
        }
        log.info("Digest turn ({}): {} subscription(s), {} digest(s) mailed", frequency.key(), due.size(), mailed);
        return new Turn(due.size(), mailed);
    }

    private boolean digest(Due subscription, Frequency frequency, String baseUrl) {
        TerritoryRef territory = territories.resolve(TerritoryKind.parse(subscription.territoryKind(), "territory"),
                subscription.territoryCode(), "territory").orElse(null);
        if (territory == null || subscription.email() == null) {
            return false; // a territory gone from the reference data: nothing to say about it
        }
        int perKind = properties.digestItemsMax();
        Map<RecordKind, List<TerritoryNews.Item>> found = news.since(
                SubscriptionService.filterTerritory(territory.kind(), territory.code()), subscription.themes(),
                subscription.since(), perKind + 1);
        if (found.isEmpty()) {
            return false;
        }
        String token = Tokens.create();
        jdbc.sql(INSERT_UNSUBSCRIBE).param("hash", Tokens.hash(token)).param("id", subscription.id()).update();
        Map<String, String> labels = vocabularies.themes();
        List<String> themeLabels = new ArrayList<>();
        for (String theme : subscription.themes()) {
            themeLabels.add(labels.getOrDefault(theme, theme));
        }
        if (!mails.digest(subscription.email(), baseUrl, territory, frequency.key(), themeLabels, found, subscription.since(),
                perKind, token)) {
            unclaim(subscription);
            return false;
        }
        jdbc.sql(SENT).param("id", subscription.id()).update();
        return true;
    }

    private void unclaim(Due subscription) {
        jdbc.sql(UNCLAIM).param("id", subscription.id()).param("since", subscription.since()).param("turn", subscription.turn()).update();
    }

    /**
     * Deletes the anonymous subscriptions whose confirmation link expired unused (their address with
     * them), between the digests' turns too; returns how many.
     */
    public int expireUnconfirmed() {
        try {
            Integer gone = transactions.execute(tx -> JobLock.tryHold(jdbc, "atlas.follow-expire")
                    ? jdbc.sql(EXPIRE_UNCONFIRMED).update() : 0);
            return gone == null ? 0 : gone;
        } catch (DataAccessException e) {
            log.warn("Expiry of unconfirmed subscriptions failed: {}", e.getClass().getSimpleName());
            return 0;
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::expireUnconfirmed, properties.expirePeriod(), properties.expirePeriod()));
        schedule(registrar, properties.weeklyCron(), Frequency.WEEKLY);
        schedule(registrar, properties.monthlyCron(), Frequency.MONTHLY);
    }

    private void schedule(ScheduledTaskRegistrar registrar, String cron, Frequency frequency) {
        if (cron == null || cron.isBlank() || "-".equals(cron.strip())) {
            return;
        }
        registrar.addCronTask(new CronTask(() -> run(frequency), new CronTrigger(cron, properties.zone())));
    }
}
