package dev.covet.migrations.cli;

import dev.covet.migrations.report.FleetPlanReport;
import dev.covet.migrations.report.PlannedMigration;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The text of {@code covet migrate --tenants --dry-run}: one paragraph per group of tenants that would get the same
 * migrations, with the SQL once per group, so a fleet of hundreds reads in a few lines.
 */
final class FleetPlanText {

    /** Tenants named per group; a group of hundreds is named by its first few and a count. */
    static final int NAMES_SHOWN = 10;

    private FleetPlanText() {
    }

    static String of(FleetPlanReport plan) {
        StringBuilder b = new StringBuilder("Dry run, nothing changed. Tenants: ").append(plan.tenants()).append(" (")
                .append(plan.wouldMigrate()).append(" would be migrated, ").append(plan.upToDate()).append(" up to date, ");
        if (!plan.pastTarget().isEmpty()) {
            b.append(plan.pastTarget().size()).append(" past the target, ");
        }
        b.append(plan.failed().size()).append(" failed) in ").append(plan.durationMs()).append(" ms\n");
        for (FleetPlanReport.Group g : plan.groups()) {
            b.append(g.count()).append(g.count() == 1 ? " tenant" : " tenants").append(" at ").append(at(g.lastApplied()));
            if (g.pending().isEmpty()) {
                b.append(" (nothing pending)");
            } else {
                b.append(": ").append(String.join(", ", g.pending()));
            }
            b.append('\n').append("  tenants: ").append(names(g.tenants())).append('\n');
            for (PlannedMigration m : g.migrations()) {
                b.append("  ").append(m.id()).append(":\n");
                MigrateCommand.appendStatements(b, m.sql());
            }
        }
        for (FleetPlanReport.PastTarget p : plan.pastTarget()) {
            b.append(p.tenant()).append(": past the target ").append(p.target()).append(" (")
                    .append(String.join(", ", p.applied())).append(" applied after it); a run leaves it as it is\n");
        }
        plan.errors().forEach((tenant, error) -> b.append(tenant).append(": FAILED: ").append(error).append('\n'));
        if (!plan.failed().isEmpty()) {
            b.append("Failed: ").append(String.join(", ", plan.failed())).append(". Fix what each message says in that"
                    + " tenant and run the dry run again.");
        }
        return b.toString().stripTrailing();
    }

    /** {@code 0020_x}, or where a group's tenants stand when they differ: {@code 0017_a (10), 0018_b (3)}. */
    private static String at(Map<String, Integer> lastApplied) {
        if (lastApplied.size() == 1) {
            return lastApplied.keySet().iterator().next();
        }
        return lastApplied.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
    }

    private static String names(List<String> tenants) {
        if (tenants.size() <= NAMES_SHOWN) {
            return String.join(", ", tenants);
        }
        return String.join(", ", tenants.subList(0, NAMES_SHOWN)) + " and " + (tenants.size() - NAMES_SHOWN) + " more";
    }
}
