package org.atlascitoyen.mapservice.territory;

import org.atlascitoyen.mapservice.system.HealthDatabase;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the reference data: DOWN while no territory is loaded (the API would answer nothing),
 * with the count per kind and the last import otherwise; DOWN at once while the database is
 * unreachable ({@link HealthDatabase}).
 */
@Component("territories")
class TerritoryHealth extends AbstractHealthIndicator {

    private final TerritoryRepository territories;
    private final HealthDatabase database;

    TerritoryHealth(TerritoryRepository territories, HealthDatabase database) {
        super("Territories check failed");
        this.territories = territories;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var unreachable = database.unreachable();
        if (unreachable.isPresent()) {
            // Not asked: the pool would make the probe wait its connection timeout.
            builder.down().withDetail("reason", unreachable.get());
            return;
        }
        var counts = territories.countByKind();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            builder.down().withDetail("reason", "no territory loaded: run ./atlas import territories");
        } else {
            builder.up();
        }
        builder.withDetail("counts", counts);
        territories.lastImport().ifPresent(at -> builder.withDetail("lastImport", at));
    }
}
