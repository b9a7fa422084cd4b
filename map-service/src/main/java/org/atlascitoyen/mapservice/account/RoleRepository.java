package org.atlascitoyen.mapservice.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Coordinator roles on territories: granted and revoked by admins, each change an audit entry
 * in the same transaction.
 */
@Repository
public class RoleRepository {

    private static final String ROLES = SqlResource.load("sql/account/roles.sql");
    private static final String ROLE = SqlResource.load("sql/account/role.sql");
    private static final String TERRITORY_NAME = SqlResource.load("sql/account/territory-name.sql");
    private static final String ACCOUNT_OF = SqlResource.load("sql/account/account-of.sql");
    private static final String GRANT = SqlResource.load("sql/account/role-grant.sql");
    private static final String FIND = SqlResource.load("sql/account/role-find.sql");
    private static final String REVOKE = SqlResource.load("sql/account/role-revoke.sql");
    private static final String AUDIT = SqlResource.load("sql/account/audit.sql");
    private static final String COORDINATION = SqlResource.load("sql/account/coordination.sql");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    RoleRepository(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public List<RoleView> all() {
        return jdbc.sql(ROLES).query(RoleRepository::role).list();
    }

    public Optional<RoleView> find(long id) {
        return jdbc.sql(ROLE).param("id", id).query(RoleRepository::role).optional();
    }

    /** The name of a territory; empty when there is none of that kind and code. */
    public Optional<String> territoryName(String kind, String code) {
        return jdbc.sql(TERRITORY_NAME).param("kind", kind).param("code", code).query(String.class).optional();
    }

    /** A granted role's id, and whether it is new (false: it was held already). */
    public record Grant(long id, boolean created) {
    }

    /** Grants the role (a no-op when held already) and audits it. */
    public Grant grant(String email, TerritoryRole territory, long admin) {
        return transactions.execute(status -> {
            long account = jdbc.sql(ACCOUNT_OF).param("email", email).query(Long.class).single();
            Optional<Long> granted = jdbc.sql(GRANT).param("accountId", account).param("kind", territory.kind())
                    .param("code", territory.code()).param("grantedBy", admin).query(Long.class).optional();
            if (granted.isEmpty()) {
                return new Grant(jdbc.sql(FIND).param("accountId", account).param("kind", territory.kind())
                        .param("code", territory.code()).query(Long.class).single(), false);
            }
            audit(admin, "role.granted", granted.get(), account, territory);
            return new Grant(granted.get(), true);
        });
    }

    /** Revokes a role and audits it; false when there was no such coordinator role. */
    public boolean revoke(long id, long admin) {
        Boolean revoked = transactions.execute(status -> jdbc.sql(REVOKE).param("id", id)
                .query((rs, i) -> {
                    audit(admin, "role.revoked", id, rs.getLong("account_id"),
                            new TerritoryRole(rs.getString("territory_kind"), rs.getString("territory_code")));
                    return true;
                }).optional().orElse(false));
        return Boolean.TRUE.equals(revoked);
    }

    /** The territories of a kind with their number of coordinators, with their outlines when {@code geometry}. */
    public List<CoordinationTerritory> coordination(String kind, boolean geometry) {
        return jdbc.sql(COORDINATION).param("kind", kind).param("geometry", geometry)
                .query((rs, i) -> new CoordinationTerritory(rs.getString("kind"), rs.getString("code"), rs.getString("name"),
                        rs.getInt("coordinators"), rs.getString("geometry")))
                .list();
    }

    private void audit(long admin, String action, long roleId, long account, TerritoryRole territory) {
        String details = "{\"roleId\":" + roleId + ",\"accountId\":" + account + ",\"territory\":\""
                + territory.kind() + ":" + territory.code().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        jdbc.sql(AUDIT).param("accountId", admin).param("action", action).param("details", details).update();
    }

    private static RoleView role(ResultSet rs, int row) throws SQLException {
        return new RoleView(rs.getLong("id"), rs.getLong("account_id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("territory_kind"), rs.getString("territory_code"), rs.getString("territory_name"),
                rs.getObject("granted_at", OffsetDateTime.class));
    }
}
