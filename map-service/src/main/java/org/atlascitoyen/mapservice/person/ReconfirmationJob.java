package org.atlascitoyen.mapservice.person;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.account.AccountProperties;
import org.atlascitoyen.mapservice.contribution.Audit;
import org.atlascitoyen.mapservice.contribution.Tokens;
import org.atlascitoyen.mapservice.mail.Mailer;
import org.atlascitoyen.mapservice.system.DataVersion;
import org.atlascitoyen.mapservice.write.JobLock;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * The yearly re-confirmation of resource persons: mails a link to each person whose last
 * confirmation is older than {@code reconfirmAfter}, and hides (moves to {@code person_hidden})
 * those still unconfirmed {@code reconfirmGrace} after the mail; confirming publishes them again.
 * One instance at a time, as {@code EscalationJob}: a turn runs in a transaction holding a
 * PostgreSQL advisory lock, and a turn that cannot take it does nothing. Mails leave after the
 * commit, so that a link always matches a stored token.
 */
@Component
public class ReconfirmationJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ReconfirmationJob.class);
    private static final String DUE = SqlResource.statement("sql/person/reconfirm-due.sql");
    private static final String SENT = SqlResource.statement("sql/person/reconfirm-sent.sql");
    private static final String OVERDUE = SqlResource.statement("sql/person/reconfirm-overdue.sql");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PersonPublisher publisher;
    private final Audit audit;
    private final Mailer mailer;
    private final PersonProperties properties;
    private final AccountProperties accounts;
    private final Environment environment;
    private final DataVersion dataVersion;

    ReconfirmationJob(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions,
            PersonPublisher publisher, Audit audit, Mailer mailer, PersonProperties properties, AccountProperties accounts,
            Environment environment, DataVersion dataVersion) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.publisher = publisher;
        this.audit = audit;
        this.mailer = mailer;
        this.properties = properties;
        this.accounts = accounts;
        this.environment = environment;
        this.dataVersion = dataVersion;
    }

    /** What a turn did: links mailed, persons hidden (both 0 when another instance holds the lock). */
    public record Turn(int mailed, int hidden) {
    }

    private record Due(long id, String name, String email, String token) {
    }

    /** One turn. */
    public Turn run() {
        List<Due> mails = new ArrayList<>();
        Turn turn;
        try {
            turn = transactions.execute(tx -> {
                if (!JobLock.tryHold(jdbc, "atlas.person-reconfirmation")) {
                    return new Turn(0, 0);
                }
                List<Long> overdue = jdbc.sql(OVERDUE).param("grace", properties.reconfirmGrace().toString()).query(Long.class).list();
                for (long id : overdue) {
                    publisher.hide(id);
                    audit.record(null, "hidden-unconfirmed", "person", id, null, null, Map.of("by", "system"));
                }
                List<Due> due = jdbc.sql(DUE).param("after", properties.reconfirmAfter().toString())
                        .query((rs, i) -> new Due(rs.getLong("id"), rs.getString("name"), rs.getString("email"), Tokens.create()))
                        .list();
                for (Due person : due) {
                    jdbc.sql(SENT).param("id", person.id()).param("hash", Tokens.hash(person.token())).update();
                }
                mails.addAll(due);
                return new Turn(due.size(), overdue.size());
            });
        } catch (DataAccessException e) {
            log.warn("Re-confirmation turn failed: {}", e.getMessage());
            return new Turn(0, 0);
        }
        if (turn == null) {
            return new Turn(0, 0);
        }
        if (turn.hidden() > 0) {
            dataVersion.refresh();
        }
        String baseUrl = accounts.publicUrlOr(environment.getProperty("local.server.port", Integer.class, 8080));
        for (Due person : mails) {
            mail(person, baseUrl);
        }
        if (turn.mailed() > 0 || turn.hidden() > 0) {
            log.info("Resource persons: {} re-confirmation link(s) mailed, {} hidden for want of confirmation",
                    turn.mailed(), turn.hidden());
        }
        return turn;
    }

    private void mail(Due person, String baseUrl) {
        String link = baseUrl + "/personne-ressource.html#confirmer=" + person.token();
        String subject = "Atlas Citoyen : confirmez votre fiche de personne ressource";
        String intro = "Vous figurez sur Atlas Citoyen comme personne ressource. Comme chaque année, nous vous demandons "
                + "si vous souhaitez y rester.";
        String grace = "Sans confirmation dans les " + properties.reconfirmGrace().getDays() + " jours, votre fiche sera "
                + "masquée ; elle sera de nouveau visible dès que vous la confirmerez. Vous pouvez aussi la modifier ou la "
                + "retirer depuis la même page.";
        String text = intro + "\n\nPour confirmer, ouvrez ce lien puis cliquez sur « Je confirme » :\n" + link + "\n\n" + grace + "\n";
        String html = "<!DOCTYPE html><html lang=\"fr\"><body><p>" + HtmlUtils.htmlEscape(intro, "UTF-8") + "</p><p><a href=\""
                + HtmlUtils.htmlEscape(link, "UTF-8") + "\">Confirmer ma fiche</a></p><p>" + HtmlUtils.htmlEscape(grace, "UTF-8")
                + "</p></body></html>";
        try {
            mailer.send(List.of(person.email()), subject, text, html);
        } catch (RuntimeException e) {
            // Never the address in a log line; the next mail goes after the next confirmation period.
            log.warn("Re-confirmation mail to person {} failed: {}", person.id(), e.getClass().getSimpleName());
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration every = Duration.ofMillis(properties.reconfirmPeriodMs());
        registrar.addFixedDelayTask(new FixedDelayTask(this::run, every, every));
    }
}
