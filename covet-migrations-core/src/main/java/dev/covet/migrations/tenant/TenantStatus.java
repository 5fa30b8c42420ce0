package dev.covet.migrations.tenant;

import dev.covet.migrations.MigrationId;

import java.util.List;

/**
 * Where one tenant stands.
 *
 * @param tenant the tenant
 * @param lastApplied the last migration applied, or {@code null} when none is (or the tenant could not be read)
 * @param applied how many migrations are applied
 * @param pending how many are pending
 * @param failed migrations whose last attempt failed part-way (MySQL records those)
 * @param error why the tenant could not be read, or {@code null}
 */
public record TenantStatus(String tenant, MigrationId lastApplied, int applied, int pending, List<MigrationId> failed,
                           String error) {

    public TenantStatus {
        failed = List.copyOf(failed);
    }

    /** Whether the tenant has a failed migration or could not be read. */
    public boolean isFailed() {
        return error != null || !failed.isEmpty();
    }

    /** Whether the tenant is readable, has nothing pending and nothing failed. */
    public boolean isUpToDate() {
        return !isFailed() && pending == 0;
    }
}
