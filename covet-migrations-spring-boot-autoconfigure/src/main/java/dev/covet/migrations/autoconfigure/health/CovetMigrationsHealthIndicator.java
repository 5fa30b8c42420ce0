package dev.covet.migrations.autoconfigure.health;

import dev.covet.migrations.MigrationInfo;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.autoconfigure.MigrationStatusCache;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Health of the schema: DOWN when a migration failed (details name each and what ran), UP otherwise, with
 * counts of applied and pending migrations. Pending migrations alone do not make the application unhealthy:
 * they are normal between a deployment and its startup migration, or with run-on-startup off.
 */
public class CovetMigrationsHealthIndicator extends AbstractHealthIndicator {

    private final MigrationStatusCache status;

    /**
     * Creates the indicator.
     *
     * @param status where the status comes from
     */
    public CovetMigrationsHealthIndicator(MigrationStatusCache status) {
        super("Covet Migrations health check failed");
        this.status = status;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MigrationStatus s = status.get();
        builder.withDetail("dialect", s.dialect())
                .withDetail("applied", s.applied().size())
                .withDetail("pending", s.pending().size());
        if (!s.failed().isEmpty()) {
            builder.down().withDetail("failed", describe(s.failed()));
        } else {
            builder.up();
        }
        if (!s.modified().isEmpty()) {
            builder.withDetail("modified", s.modified().stream().map(m -> m.id().toString()).toList());
        }
        if (!s.missing().isEmpty()) {
            builder.withDetail("missing", s.missing().stream().map(m -> m.id().toString()).toList());
        }
    }

    private static Map<String, String> describe(List<MigrationInfo> failed) {
        Map<String, String> details = new LinkedHashMap<>();
        for (MigrationInfo info : failed) {
            details.put(info.id().toString(), info.detail() == null ? "failed" : info.detail());
        }
        return details;
    }
}
