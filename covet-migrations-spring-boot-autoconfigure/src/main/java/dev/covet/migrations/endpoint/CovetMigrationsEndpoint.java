package dev.covet.migrations.endpoint;

import dev.covet.migrations.Direction;
import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.MigrationCheck;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.audit.MigrationAuditLog;
import dev.covet.migrations.report.FleetMigrationReport;
import dev.covet.migrations.report.FleetStatusReport;
import dev.covet.migrations.report.PlannedMigration;
import dev.covet.migrations.report.RollbackOutcomeDescriptor;
import dev.covet.migrations.report.RollbackValidationDescriptor;
import dev.covet.migrations.safety.RollbackValidator;
import dev.covet.migrations.tenant.TenantFleet;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import java.util.List;

/**
 * The {@code migrations} Actuator endpoint.
 * <ul>
 * <li>{@code GET /actuator/migrations}: dialect, applied, pending, failed, lock</li>
 * <li>{@code GET /actuator/migrations/plan}: pending migrations with their SQL (a dry run); {@code ?id=ID}: the
 * SQL of that one migration only (what the dashboard asks when a pending migration is opened)</li>
 * <li>{@code GET /actuator/migrations/dashboard}: statistics, velocity per day, recent and failed migrations,
 * pending migrations, drift, the lock holder and the dependency graph</li>
 * <li>{@code GET /actuator/migrations/rollback?steps=N} or {@code ?target=ID}: the rollback's validation (risk, rows
 * at risk, SQL); {@code target} rolls back everything applied after migration ID and keeps ID</li>
 * <li>{@code POST /actuator/migrations/rollback} with {@code {"steps": N, "force": false}} or {@code {"target": "ID"}}:
 * a safe rollback
 * (validated, backed up, verified); refused with 403 unless {@code covet.migrations.actuator.write-enabled=true},
 * and then still subject to the application's security</li>
 * <li>{@code GET /actuator/migrations/tenants}: where the tenants stand (how many at each last-applied migration,
 * which are behind, which failed); 404 when no tenants are configured</li>
 * <li>{@code POST /actuator/migrations/tenants}: migrates every tenant to the latest migration, or with
 * {@code {"target": "ID"}} to that one (a tenant past it is reported, not rolled back), as {@code covet migrate
 * --tenants [--target ID] [--force]}; refused with 403 unless {@code covet.migrations.actuator.write-enabled=true};
 * 409 when a tenant failed, with every tenant's result, or when no migration file has the target's id (no tenant is
 * touched then); {@code steps} (rollback's) is a 400 rather than a run that ignores it</li>
 * </ul>
 * Giving both {@code steps} and {@code target} is a 400; a target that is not applied (or more steps than are
 * applied) a 409, with the reason.
 */
@Endpoint(id = "migrations")
public class CovetMigrationsEndpoint {

    private static final String PLAN = "plan";
    private static final String DASHBOARD = "dashboard";
    private static final String ROLLBACK = "rollback";
    private static final String TENANTS = "tenants";

    private final MigrationRunner runner;
    private final RollbackValidator rollbackValidator;
    private final boolean writeEnabled;
    private final MigrationAuditLog auditLog;
    private final TenantFleet tenants;

    /**
     * Creates the endpoint.
     *
     * @param runner the runner
     * @param rollbackValidator validates and runs safe rollbacks
     * @param writeEnabled whether POST rollback is allowed
     */
    public CovetMigrationsEndpoint(MigrationRunner runner, RollbackValidator rollbackValidator, boolean writeEnabled) {
        this(runner, rollbackValidator, writeEnabled, null);
    }

    /**
     * Creates the endpoint with the audit trail for the dashboard.
     *
     * @param runner the runner
     * @param rollbackValidator validates and performs rollbacks
     * @param writeEnabled whether POST rollback is allowed
     * @param auditLog the audit log, or null when auditing is disabled
     */
    public CovetMigrationsEndpoint(MigrationRunner runner, RollbackValidator rollbackValidator, boolean writeEnabled,
                                   MigrationAuditLog auditLog) {
        this(runner, rollbackValidator, writeEnabled, auditLog, null);
    }

    /**
     * Creates the endpoint with the audit trail and the application's tenants.
     *
     * @param runner the runner
     * @param rollbackValidator validates and performs rollbacks
     * @param writeEnabled whether POST rollback and POST tenants are allowed
     * @param auditLog the audit log, or null when auditing is disabled
     * @param tenants the tenants, or null when none are configured
     */
    public CovetMigrationsEndpoint(MigrationRunner runner, RollbackValidator rollbackValidator, boolean writeEnabled,
                                   MigrationAuditLog auditLog, TenantFleet tenants) {
        this.tenants = tenants;
        this.auditLog = auditLog;
        this.runner = runner;
        this.rollbackValidator = rollbackValidator;
        this.writeEnabled = writeEnabled;
    }

    /**
     * Where the database stands.
     *
     * @return the status with the lock state
     */
    @ReadOperation
    public MigrationsDescriptor migrations() {
        // One load of the files and one history read for status and drift (runner.status() and runner.drift()
        // would each do both).
        MigrationCheck check = runner.check();
        return MigrationsDescriptor.of(check.status(), runner.lockState(), check.drift());
    }

    /**
     * The read-only views under the endpoint: {@code plan}, {@code dashboard} and {@code rollback}.
     *
     * @param view which view
     * @param steps for {@code rollback}: how many migrations (default 1)
     * @param target for {@code rollback}: the migration to roll back to, kept applied (instead of steps)
     * @return the view, 400 for bad steps, 409 for a rollback the history does not allow, 404 for an unknown view
     */
    public WebEndpointResponse<Object> view(String view, Integer steps, String target) {
        return view(view, steps, target, null);
    }

    /**
     * The read-only views under the endpoint: {@code plan}, {@code dashboard}, {@code rollback} and {@code tenants}.
     *
     * @param view which view
     * @param steps for {@code rollback}: how many migrations (default 1)
     * @param target for {@code rollback}: the migration to roll back to, kept applied (instead of steps)
     * @param id for {@code plan}: only this migration's SQL
     * @return the view, 400 for bad steps or a bad id, 409 for a rollback the history does not allow, 404 for an
     *         unknown view or migration
     */
    @ReadOperation
    public WebEndpointResponse<Object> view(@Selector String view, @Nullable Integer steps, @Nullable String target,
                                            @Nullable String id) {
        switch (view) {
            case PLAN:
                return id == null
                        ? ok(PlanDescriptor.of(runner.dialect().name(), runner.migrate(MigrateOptions.all().asDryRun())))
                        : planOf(id);
            case DASHBOARD:
                // One read of the files and the history for the figures, the drift and the graph, as for the status.
                return ok(DashboardDescriptor.of(runner.check(), runner.lockState(),
                        auditLog == null ? null : auditLog.getDashboardData()));
            case ROLLBACK:
                RollbackRequest request = RollbackRequest.of(steps, target);
                if (request.refusal() != null) {
                    return request.refusal();
                }
                try {
                    return ok(RollbackValidationDescriptor.of(rollbackValidator.validateRollback(request.options())));
                } catch (MigrationException e) {
                    return conflict(e);
                }
            case TENANTS:
                return tenants == null ? noTenants() : ok(FleetStatusReport.of(tenants.status()));
            default:
                return notFound(view);
        }
    }

    /**
     * Write operations under the endpoint: {@code rollback}, and {@code tenants} (migrates every tenant, to
     * {@code target} when given; {@code steps} is a 400 there).
     *
     * @param action which action
     * @param steps how many migrations to roll back (default 1)
     * @param target the migration to roll back to, kept applied (instead of steps); for {@code tenants}, the migration
     *        every tenant stops at
     * @param force roll back even when the risk is HIGH; for {@code tenants}, what {@code covet migrate --force} does
     * @return the outcome; 403 when writes are disabled, 400 for bad steps or target (or steps for {@code tenants}), 409
     *         when the rollback was refused or failed (or a tenant failed)
     */
    @WriteOperation
    public WebEndpointResponse<Object> action(@Selector String action, @Nullable Integer steps, @Nullable String target,
                                              @Nullable Boolean force) {
        if (TENANTS.equals(action)) {
            return migrateTenants(steps, target, force);
        }
        if (!ROLLBACK.equals(action)) {
            return notFound(action);
        }
        if (!writeEnabled) {
            return new WebEndpointResponse<>(new RefusalDescriptor("Forbidden",
                    "Rollback through the endpoint is disabled: set covet.migrations.actuator.write-enabled=true"), 403);
        }
        RollbackRequest request = RollbackRequest.of(steps, target);
        if (request.refusal() != null) {
            return request.refusal();
        }
        RollbackOutcomeDescriptor outcome;
        try {
            outcome = RollbackOutcomeDescriptor.of(
                    rollbackValidator.safeRollback(request.options(), Boolean.TRUE.equals(force), null));
        } catch (MigrationException e) {
            return conflict(e);
        }
        return new WebEndpointResponse<>(outcome, outcome.success() ? WebEndpointResponse.STATUS_OK : 409);
    }

    /**
     * The SQL of one migration, rendered alone (one read of the files, the migrations before it projected, nothing
     * else rendered): cheap enough to ask for each migration the dashboard opens.
     */
    private WebEndpointResponse<Object> planOf(String id) {
        MigrationId migration;
        try {
            migration = MigrationId.parse(id, MigrationId.DEFAULT_APP);
        } catch (IllegalArgumentException e) {
            return badRequest("id: " + e.getMessage());
        }
        List<String> sql;
        try {
            sql = runner.sql(migration, Direction.UP);
        } catch (MigrationException e) {
            return new WebEndpointResponse<>(new RefusalDescriptor("Not Found", e.getMessage()),
                    WebEndpointResponse.STATUS_NOT_FOUND);
        }
        return ok(new PlanDescriptor(runner.dialect().name(),
                List.of(new PlannedMigration(migration.toString(), null, Direction.UP.name(), sql))));
    }

    /**
     * Every tenant migrated, to the latest migration or to {@code target} (a tenant past it is reported, not rolled
     * back): 200 when none failed, 409 with every tenant's result when one did.
     *
     * @param steps rollback's parameter, which this action does not take (a 400 rather than a run that ignores it)
     */
    private WebEndpointResponse<Object> migrateTenants(@Nullable Integer steps, @Nullable String target, @Nullable Boolean force) {
        if (tenants == null) {
            return noTenants();
        }
        if (!writeEnabled) {
            return new WebEndpointResponse<>(new RefusalDescriptor("Forbidden",
                    "Migrating tenants through the endpoint is disabled: set covet.migrations.actuator.write-enabled=true"), 403);
        }
        if (steps != null) {
            return badRequest("POST /actuator/migrations/tenants takes no steps (that is rollback's): give a target"
                    + " to stop every tenant at that migration, or nothing to migrate every tenant to the latest");
        }
        MigrateOptions options = MigrateOptions.all();
        if (target != null) {
            try {
                options = MigrateOptions.toTarget(MigrationId.parse(target, MigrationId.DEFAULT_APP));
            } catch (IllegalArgumentException e) {
                return badRequest("target: " + e.getMessage());
            }
        }
        if (Boolean.TRUE.equals(force)) {
            options = options.forced();
        }
        FleetMigrationReport report;
        try {
            report = FleetMigrationReport.of(tenants.migrate(options));
        } catch (MigrationException e) {
            // an unknown target stops the run before any tenant is touched; a 409 with the reason, as rollback's
            return conflict(e);
        }
        return new WebEndpointResponse<>(report, report.failed().isEmpty() ? WebEndpointResponse.STATUS_OK : 409);
    }

    /** A 400 saying why (also {@link RollbackRequest}'s). */
    static WebEndpointResponse<Object> badRequest(String why) {
        return new WebEndpointResponse<>(new RefusalDescriptor("Bad Request", why), WebEndpointResponse.STATUS_BAD_REQUEST);
    }

    private static WebEndpointResponse<Object> noTenants() {
        return new WebEndpointResponse<>(new RefusalDescriptor("Not Found", "no tenants are configured: set"
                + " covet.migrations.tenants.enabled=true with a schema-pattern, database-pattern or urls, or define a"
                + " TenantSource bean"), WebEndpointResponse.STATUS_NOT_FOUND);
    }

    private static WebEndpointResponse<Object> ok(Object body) {
        return new WebEndpointResponse<>(body, WebEndpointResponse.STATUS_OK);
    }

    /** A rollback the history does not allow (a target not applied, more steps than applied): the reason, as 409. */
    private static WebEndpointResponse<Object> conflict(MigrationException e) {
        return new WebEndpointResponse<>(new RefusalDescriptor("Conflict", e.getMessage()), 409);
    }

    private static WebEndpointResponse<Object> notFound(String name) {
        return new WebEndpointResponse<>(new RefusalDescriptor("Not Found", "no '" + name
                + "' under /actuator/migrations (plan, dashboard, rollback, tenants)"), WebEndpointResponse.STATUS_NOT_FOUND);
    }
}
