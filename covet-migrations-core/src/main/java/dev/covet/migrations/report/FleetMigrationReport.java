package dev.covet.migrations.report;

import dev.covet.migrations.MigrationId;
import dev.covet.migrations.tenant.FleetResult;
import dev.covet.migrations.tenant.TenantResult;

import java.util.List;

/**
 * The JSON document of {@code covet migrate --tenants --json} and {@code POST /actuator/migrations/tenants} (a dry
 * run's is a {@link FleetPlanReport}).
 *
 * @param tenants how many tenants there were
 * @param migrated how many had migrations applied
 * @param upToDate how many had nothing pending (up to the target, within the phase)
 * @param pastTarget names of the tenants left as they were because they are past the target
 * @param failed names of the tenants that failed
 * @param durationMs wall time of the run
 * @param results one entry per tenant, in the source's order
 */
public record FleetMigrationReport(int tenants, int migrated, int upToDate, List<String> pastTarget, List<String> failed,
                                   long durationMs, List<Entry> results) {

    /**
     * One tenant.
     *
     * @param tenant its name
     * @param outcome {@code applied}, {@code up-to-date}, {@code past-target} or {@code failed}
     * @param applied ids of the migrations applied; for {@code past-target}: the tenant's applied migrations after
     *        the target (none of which was rolled back)
     * @param migration the migration that failed, or for {@code past-target} the target; else {@code null}
     * @param error what went wrong, or {@code null}
     */
    public record Entry(String tenant, String outcome, List<String> applied, String migration, String error) {
    }

    /** The document of a fleet run. */
    public static FleetMigrationReport of(FleetResult result) {
        List<Entry> entries = result.tenants().stream().map(FleetMigrationReport::entry).toList();
        return new FleetMigrationReport(entries.size(), count(entries, "applied"), count(entries, "up-to-date"),
                result.pastTarget().stream().map(TenantResult::tenant).toList(),
                result.failed().stream().map(TenantResult::tenant).toList(), result.duration().toMillis(), entries);
    }

    private static int count(List<Entry> entries, String outcome) {
        return (int) entries.stream().filter(e -> e.outcome().equals(outcome)).count();
    }

    private static Entry entry(TenantResult result) {
        if (result instanceof TenantResult.Applied a) {
            return new Entry(a.tenant(), "applied", ids(a.applied()), null, null);
        }
        if (result instanceof TenantResult.Failed f) {
            return new Entry(f.tenant(), "failed", List.of(), f.migration() == null ? null : f.migration().toString(), f.error());
        }
        if (result instanceof TenantResult.PastTarget p) {
            return new Entry(p.tenant(), "past-target", ids(p.pastTarget()), p.target().toString(), null);
        }
        // Up to date (a dry run's Planned never reaches a real run's report).
        return new Entry(result.tenant(), "up-to-date", List.of(), null, null);
    }

    static List<String> ids(List<MigrationId> ids) {
        return ids.stream().map(MigrationId::toString).toList();
    }
}
