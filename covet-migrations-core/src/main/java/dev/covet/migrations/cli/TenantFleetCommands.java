package dev.covet.migrations.cli;

import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.report.FleetMigrationReport;
import dev.covet.migrations.report.FleetPlanReport;
import dev.covet.migrations.report.FleetStatusReport;
import dev.covet.migrations.tenant.FleetResult;
import dev.covet.migrations.tenant.FleetStatus;
import dev.covet.migrations.tenant.TenantFleet;
import dev.covet.migrations.tenant.TenantStatus;

import java.util.Map;

/** The {@code --tenants} form of {@code migrate} and {@code status}: the fleet's work and how it is printed. */
final class TenantFleetCommands {

    static final String OPTION = "tenants";

    static final String HELP = "  --tenants          every tenant of covet.migrations.tenants.* (or the application's TenantSource), not the"
            + " application's own database; exit 1 when any tenant failed";

    /** What {@code --tenants} does with migrate's other options, for its help. */
    static final String MIGRATE_HELP = "\n                     with --target, --phase and --force: each tenant as a single migrate would be (a tenant"
            + " past the target is reported, not rolled back); with --dry-run: the tenants grouped by what they would get,"
            + " the SQL once per group, nothing changed";

    private TenantFleetCommands() {
    }

    private static TenantFleet require(TenantFleet fleet) {
        if (fleet == null) {
            throw new MigrationException("no tenants are configured: set covet.migrations.tenants.enabled=true with"
                    + " covet.migrations.tenants.schema-pattern, database-pattern or urls, or define a TenantSource bean");
        }
        return fleet;
    }

    static int migrate(TenantFleet fleet, MigrateOptions options, ParsedCommand command, CommandOutput output) {
        FleetResult result = require(fleet).migrate(options);
        String none = result.tenants().isEmpty() ? noTenants(fleet) : "";
        if (result.dryRun()) {
            FleetPlanReport plan = FleetPlanReport.of(result);
            output.result(command, plan, FleetPlanText.of(plan) + none);
        } else {
            FleetMigrationReport report = FleetMigrationReport.of(result);
            output.result(command, report, text(report) + none);
        }
        return result.succeeded() ? ExitCodes.SUCCESS : ExitCodes.FAILURE;
    }

    static int status(TenantFleet fleet, ParsedCommand command, CommandOutput output) {
        FleetStatus status = require(fleet).status();
        FleetStatusReport report = FleetStatusReport.of(status);
        output.result(command, report, text(status, report) + (status.tenants().isEmpty() ? noTenants(fleet) : ""));
        return status.failed().isEmpty() ? ExitCodes.SUCCESS : ExitCodes.FAILURE;
    }

    /**
     * Said when the source found no tenant: a fleet may have none yet, but a pattern with a typo (or SQL's {@code %},
     * which names no wildcard here) must not pass for a fleet that is up to date.
     */
    private static String noTenants(TenantFleet fleet) {
        String source = String.valueOf(fleet.source());
        return "\nNo tenant found (" + source + "): nothing was done."
                + (source.contains("%") ? " Tenant patterns take * and ?, not SQL's % (e.g. tenant_*)." : "")
                + " Check covet.migrations.tenants.*.";
    }

    private static String text(FleetMigrationReport report) {
        StringBuilder b = new StringBuilder("Tenants: ").append(report.tenants()).append(" (").append(report.migrated())
                .append(" migrated, ").append(report.upToDate()).append(" up to date, ");
        if (!report.pastTarget().isEmpty()) {
            b.append(report.pastTarget().size()).append(" past the target, ");
        }
        b.append(report.failed().size()).append(" failed) in ").append(report.durationMs()).append(" ms\n");
        for (FleetMigrationReport.Entry e : report.results()) {
            b.append("  ").append(e.tenant()).append(": ");
            switch (e.outcome()) {
                case "applied" -> b.append("applied ").append(String.join(", ", e.applied()));
                case "failed" -> b.append("FAILED").append(e.migration() == null ? "" : " at " + e.migration())
                        .append(": ").append(e.error());
                case "past-target" -> b.append("past the target ").append(e.migration()).append(" (")
                        .append(String.join(", ", e.applied())).append(" applied after it; not rolled back)");
                default -> b.append("up to date");
            }
            b.append('\n');
        }
        if (!report.failed().isEmpty()) {
            b.append("Failed: ").append(String.join(", ", report.failed())).append(". Fix what each message says in that"
                    + " tenant and run covet migrate --tenants again: every tenant continues from where it stopped.");
        }
        return b.toString().stripTrailing();
    }

    private static String text(FleetStatus status, FleetStatusReport report) {
        StringBuilder b = new StringBuilder("Tenants: ").append(report.tenants()).append(" (").append(report.upToDate())
                .append(" up to date, ").append(report.behind().size()).append(" behind, ").append(report.failed().size())
                .append(" failed)\n");
        b.append("Last applied migration:\n");
        for (Map.Entry<String, Integer> e : report.byLastApplied().entrySet()) {
            b.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append(" tenant(s)\n");
        }
        if (!report.behind().isEmpty()) {
            b.append("Behind: ").append(String.join(", ", report.behind())).append('\n');
        }
        for (TenantStatus t : status.failed()) {
            b.append("Failed: ").append(t.tenant()).append(": ")
                    .append(t.error() != null ? t.error() : "failed migration(s) " + t.failed()).append('\n');
        }
        if (!status.failed().isEmpty()) {
            b.append("Fix the failed tenants and run covet migrate --tenants.");
        }
        return b.toString().stripTrailing();
    }
}
