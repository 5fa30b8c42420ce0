package dev.covet.migrations.report;

import dev.covet.migrations.tenant.FleetResult;
import dev.covet.migrations.tenant.PendingGroup;
import dev.covet.migrations.tenant.TenantResult;

import java.util.List;
import java.util.Map;

/**
 * The JSON document of {@code covet migrate --tenants --dry-run --json}: nothing was changed. The tenants are grouped
 * by what they would get, and each group's SQL is given once.
 *
 * @param dryRun always {@code true}: nothing was changed and no lock was taken
 * @param tenants how many tenants there are
 * @param wouldMigrate how many have migrations pending (up to the target, within the phase)
 * @param upToDate how many have nothing pending
 * @param pastTarget the tenants past the target, each with its applied migrations after it (a run leaves them be)
 * @param failed names of the tenants that could not be planned (see {@code errors})
 * @param errors why each of {@code failed} could not be planned, by tenant
 * @param durationMs wall time of the dry run
 * @param groups the tenants grouped by what they would get: nothing pending first
 */
public record FleetPlanReport(boolean dryRun, int tenants, int wouldMigrate, int upToDate, List<PastTarget> pastTarget,
                             List<String> failed, Map<String, String> errors, long durationMs, List<Group> groups) {

    /**
     * Tenants that would get the same migrations with the same SQL.
     *
     * @param count how many tenants
     * @param lastApplied how many of them stand at each last-applied migration ({@code (none)}: nothing applied)
     * @param pending ids of the migrations they would get, in order (empty: nothing pending)
     * @param migrations those migrations with their SQL, once for the whole group
     * @param tenants the tenants' names
     */
    public record Group(int count, Map<String, Integer> lastApplied, List<String> pending, List<PlannedMigration> migrations,
                        List<String> tenants) {
    }

    /**
     * A tenant past the target.
     *
     * @param tenant its name
     * @param target the target
     * @param applied its applied migrations after the target
     */
    public record PastTarget(String tenant, String target, List<String> applied) {
    }

    /** The document of a fleet's dry run. */
    public static FleetPlanReport of(FleetResult result) {
        List<Group> groups = result.pendingGroups().stream().map(FleetPlanReport::group).toList();
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        result.failed().forEach(f -> errors.put(f.tenant(), f.migration() == null ? f.error() : f.migration() + ": " + f.error()));
        return new FleetPlanReport(true, result.tenants().size(),
                groups.stream().filter(g -> !g.pending().isEmpty()).mapToInt(Group::count).sum(),
                groups.stream().filter(g -> g.pending().isEmpty()).mapToInt(Group::count).sum(),
                result.pastTarget().stream().map(p -> new PastTarget(p.tenant(), p.target().toString(),
                        FleetMigrationReport.ids(p.pastTarget()))).toList(),
                result.failed().stream().map(TenantResult::tenant).toList(), errors, result.duration().toMillis(), groups);
    }

    private static Group group(PendingGroup g) {
        return new Group(g.tenants().size(), g.lastApplied(), FleetMigrationReport.ids(g.pendingIds()),
                g.pending().stream().map(PlannedMigration::of).toList(), g.tenants());
    }
}
