package org.atlascitoyen.mapservice.write;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The write side's connections: accounts, sessions, rate-limit buckets, contributions and
 * moderation. The public read side keeps the reader role of {@code spring.datasource}, which
 * cannot read a private column nor write anything; the write side connects as the writer,
 * {@code ATLAS_DB_WRITER_USER} (by default the owner role that runs the migrations), through a
 * small pool of its own so that a burst of writes never takes the readers' connections.
 *
 * <p>Its beans are qualified {@code "write"} and are not default candidates: everything that
 * injects a plain {@link DataSource} or {@link JdbcClient} still gets the reader's, and Spring
 * Boot's auto-configured reader pool is kept as it is.
 */
@Configuration(proxyBeanMethods = false)
public class WriteDatabase {

    /** Qualifier of the write side's beans. */
    public static final String WRITE = "write";

    /** Also Spring Session's: sessions are written by the writer, never by the reader role. */
    @Bean(defaultCandidate = false, destroyMethod = "close")
    @Qualifier(WRITE)
    @SpringSessionDataSource
    HikariDataSource writeDataSource(
            @Value("${spring.datasource.url}") String url,
            @Value("${atlas.write-db.user:${ATLAS_DB_WRITER_USER:${spring.flyway.user:${spring.datasource.username:}}}}") String user,
            @Value("${atlas.write-db.password:${ATLAS_DB_WRITER_PASSWORD:${spring.flyway.password:${spring.datasource.password:}}}}") String password,
            @Value("${atlas.write-db.pool-size:4}") int poolSize,
            @Value("${ATLAS_DB_STATEMENT_TIMEOUT_MS:10000}") long statementTimeoutMs) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("atlas-write");
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(poolSize);
        pool.setMinimumIdle(0);
        // Writes are rare: an idle connection goes back after 10 s rather than 10 min, so that the
        // occasional background write (expired sessions, rate-limit buckets) of each instance, or
        // of each cached test context, does not hold connections of the server's max_connections.
        pool.setIdleTimeout(10_000);
        pool.setConnectionTimeout(5000);
        // Lazy: the service starts (and serves reads) while the database is still coming up.
        pool.setInitializationFailTimeout(-1);
        pool.addDataSourceProperty("ApplicationName", "atlas-map-service-write");
        pool.addDataSourceProperty("options", "-c jit=off -c statement_timeout=" + statementTimeoutMs);
        return pool;
    }

    @Bean(defaultCandidate = false)
    @Qualifier(WRITE)
    JdbcClient writeJdbc(@Qualifier(WRITE) DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    @Bean(defaultCandidate = false)
    @Qualifier(WRITE)
    @SpringSessionTransactionManager
    DataSourceTransactionManager writeTransactionManager(@Qualifier(WRITE) DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean(defaultCandidate = false)
    @Qualifier(WRITE)
    TransactionTemplate writeTransactions(@Qualifier(WRITE) DataSourceTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }
}
