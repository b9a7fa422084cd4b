package org.atlascitoyen.mapservice.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.mail.AdminProperties;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts and their roles, through the write side's pool (the reader role cannot read
 * {@code account}). An address of {@code ATLAS_ADMIN_EMAILS} is an admin whatever the table says.
 */
@Repository
public class AccountRepository {

    private static final String UPSERT = SqlResource.load("sql/account/upsert.sql");
    private static final String FIND = SqlResource.load("sql/account/find.sql");
    private static final List<String> DELETE = SqlResource.statements("sql/account/delete.sql");
    private static final String DISPLAY_NAME = SqlResource.load("sql/account/display-name.sql");
    private static final String DELETE_SESSIONS = SqlResource.load("sql/account/delete-sessions.sql");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Set<String> adminEmails;

    AccountRepository(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc,
                      @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions, AdminProperties admins) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.adminEmails = admins.adminEmails().stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** The account of an address (created now if it has none), as signed in. */
    public SignedInAccount signIn(String email) {
        long id = jdbc.sql(UPSERT).param("email", email).query(Long.class).single();
        return find(id).orElseThrow(() -> new IllegalStateException("account " + id + " vanished while signing in"));
    }

    /** An account with its roles as they are now; empty when it was deleted. */
    public Optional<SignedInAccount> find(long id) {
        return jdbc.sql(FIND).param("id", id).query(this::account).optional();
    }

    /** The name an account shows; empty when it has set none. */
    public Optional<String> displayName(long id) {
        return jdbc.sql(DISPLAY_NAME).param("id", id).query((rs, i) -> Optional.ofNullable(rs.getString(1)))
                .optional().flatMap(name -> name);
    }

    /** Deletes an account and ends all its sessions, in one transaction. */
    public void delete(long id) {
        transactions.executeWithoutResult(status -> {
            DELETE.forEach(sql -> jdbc.sql(sql).param("id", id).update());
            jdbc.sql(DELETE_SESSIONS).param("principal", SignedInAccount.principalName(id)).update();
        });
    }

    private SignedInAccount account(ResultSet rs, int row) throws SQLException {
        String email = rs.getString("email");
        List<String> kinds = strings(rs.getArray("kinds"));
        List<String> codes = strings(rs.getArray("codes"));
        List<TerritoryRole> roles = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            roles.add(new TerritoryRole(kinds.get(i), codes.get(i)));
        }
        return new SignedInAccount(rs.getLong("id"), email, rs.getBoolean("admin") || adminEmails.contains(email), roles);
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
