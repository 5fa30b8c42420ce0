package dev.covet.migrations.tenant;

import dev.covet.migrations.ExecutedMigration;
import dev.covet.migrations.MigrationId;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What a fleet run did (or, in a dry run, would do) to one tenant. */
public sealed interface TenantResult {

    /** The tenant's name. */
    String tenant();

    /**
     * Migrations were applied.
     *
     * @param tenant the tenant
     * @param applied the migrations applied, in order
     * @param duration how long the tenant took
     */
    record Applied(String tenant, List<MigrationId> applied, Duration duration) implements TenantResult {
        public Applied {
            applied = List.copyOf(applied);
        }
    }

    /**
     * Nothing was pending (up to the run's target and within its phase, when it had them).
     *
     * @param tenant the tenant
     */
    record UpToDate(String tenant) implements TenantResult {
    }

    /**
     * The run had a target and this tenant has migrations applied after it. It is left as it is: a fleet run never
     * rolls a tenant back ({@code covet rollback --target} on that tenant's database does, if that is what is
     * wanted).
     *
     * @param tenant the tenant
     * @param target the run's target
     * @param pastTarget the tenant's applied migrations that come after the target, in the order applied
     */
    record PastTarget(String tenant, MigrationId target, List<MigrationId> pastTarget) implements TenantResult {
        public PastTarget {
            Objects.requireNonNull(target, "target");
            pastTarget = List.copyOf(pastTarget);
        }
    }

    /**
     * A dry run: what would be applied to the tenant, with its SQL. Nothing was changed and no lock was taken.
     *
     * @param tenant the tenant
     * @param lastApplied the tenant's last applied migration, or {@code null} when none is
     * @param pending the migrations a run with the same options would apply, in order, each with its SQL (empty:
     *        nothing pending)
     */
    record Planned(String tenant, MigrationId lastApplied, List<ExecutedMigration> pending) implements TenantResult {
        public Planned {
            pending = List.copyOf(pending);
        }
    }

    /**
     * The tenant stopped; the other tenants went on. What committed before the failure stays applied, and the next
     * run continues from there.
     *
     * @param tenant the tenant
     * @param migration the migration that failed, or {@code null} when the tenant failed before any migration ran
     *        (unreachable, refused name, lock timeout, a modified migration)
     * @param error what went wrong
     */
    record Failed(String tenant, MigrationId migration, String error) implements TenantResult {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
