package dev.covet.migrations.tenant;

import dev.covet.migrations.MigrationId;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What a fleet run did to one tenant. */
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
     * Nothing was pending.
     *
     * @param tenant the tenant
     */
    record UpToDate(String tenant) implements TenantResult {
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
