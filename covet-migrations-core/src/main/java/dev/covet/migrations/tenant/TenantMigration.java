package dev.covet.migrations.tenant;

import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.MigrateResult;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationInfo;
import dev.covet.migrations.MigrationRunner;

import java.time.Duration;
import java.util.List;

/**
 * One tenant's part of a fleet run: the run's options applied to the tenant's runner (a dry run plans, changing
 * nothing and taking no lock, as a single runner's does), and a tenant past the run's target reported, never rolled
 * back. Failures are the fleet's to catch: it knows which migration failed.
 */
final class TenantMigration {

    private final MigrateOptions options;
    private final FleetTarget target;

    /**
     * @param options the run's options, for every tenant
     * @param target the run's target checked against the files, or {@code null} when the run has none
     */
    TenantMigration(MigrateOptions options, FleetTarget target) {
        this.options = options;
        this.target = target;
    }

    boolean dryRun() {
        return options.dryRun();
    }

    TenantResult run(String tenant, MigrationRunner runner) {
        long start = System.nanoTime();
        if (options.dryRun()) {
            // The history is read first: where the tenant stands is part of the plan, and a tenant past the target
            // is reported rather than planned (the runner would plan nothing for it, which reads as "at the target").
            List<MigrationId> applied = applied(runner);
            List<MigrationId> past = target == null ? List.of() : target.pastTarget(applied);
            if (!past.isEmpty()) {
                return new TenantResult.PastTarget(tenant, target.id(), past);
            }
            MigrateResult plan = runner.migrate(options);
            return new TenantResult.Planned(tenant, applied.isEmpty() ? null : applied.get(applied.size() - 1), plan.applied());
        }
        MigrateResult result = runner.migrate(options);
        if (!result.applied().isEmpty()) {
            List<MigrationId> ids = result.applied().stream().map(m -> m.id()).toList();
            return new TenantResult.Applied(tenant, ids, Duration.ofNanos(System.nanoTime() - start));
        }
        // Nothing to apply up to the target: the tenant is at it or past it. Only then is the history read again,
        // so a run without a target costs what it did before.
        if (target != null) {
            List<MigrationId> past = target.pastTarget(applied(runner));
            if (!past.isEmpty()) {
                return new TenantResult.PastTarget(tenant, target.id(), past);
            }
        }
        return new TenantResult.UpToDate(tenant);
    }

    private static List<MigrationId> applied(MigrationRunner runner) {
        return runner.status().applied().stream().map(MigrationInfo::id).toList();
    }
}
