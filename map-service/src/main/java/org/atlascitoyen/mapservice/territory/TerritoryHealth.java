package org.atlascitoyen.mapservice.territory;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the reference data: DOWN while no territory is loaded (the API would answer nothing),
 * with the count per kind and the last import otherwise.
 */
@Component("territories")
class TerritoryHealth extends AbstractHealthIndicator {

    private final TerritoryRepository territories;

    TerritoryHealth(TerritoryRepository territories) {
        super("Territories check failed");
        this.territories = territories;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
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
