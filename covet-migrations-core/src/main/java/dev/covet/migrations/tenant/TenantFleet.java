package dev.covet.migrations.tenant;

import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationInfo;
import dev.covet.migrations.MigrationEvent;
import dev.covet.migrations.MigrationListener;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.internal.tenant.ScopedDataSource;
import dev.covet.migrations.internal.tenant.TenantNames;
import dev.covet.migrations.internal.tenant.UrlDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The same migrations applied to every tenant a {@link TenantSource} lists, at most {@code parallelism} tenants at a
 * time. Each tenant is migrated by the application's {@link MigrationRunner} configuration pointed at the tenant, so
 * it has its own history table and its own lock. A failure stops only that tenant: the others go on, the result
 * reports it, and the next run continues each tenant from where it stopped.
 *
 * <pre>{@code
 * TenantFleet fleet = new TenantFleet(runner, TenantSource.postgresSchemas(dataSource, "tenant_*"), 8);
 * FleetResult result = fleet.migrate();
 * FleetResult plan = fleet.migrate(MigrateOptions.toTarget(id).asDryRun());   // nothing changes
 * result.failed().forEach(f -> log.error("{} stopped at {}: {}", f.tenant(), f.migration(), f.error()));
 * }</pre>
 */
public final class TenantFleet {

    /** The default of {@code parallelism} ({@code covet.migrations.tenants.parallelism}). */
    public static final int DEFAULT_PARALLELISM = 4;

    /** The logging context key holding the tenant a log line is about, while a fleet works on it. */
    public static final String MDC_KEY = "covet.tenant";

    private static final Logger LOG = LoggerFactory.getLogger(TenantFleet.class);

    private final MigrationRunner runner;
    private final TenantSource source;
    private final int parallelism;
    private final TenantListeners listeners;

    /**
     * Creates a fleet.
     *
     * @param runner the application's runner: its locations, Java migrations, table prefix and settings apply to
     *        every tenant; its data source and listeners are not used
     * @param source lists the tenants at each run
     * @param parallelism how many tenants are migrated at once (each holds up to two connections while it runs)
     */
    public TenantFleet(MigrationRunner runner, TenantSource source, int parallelism) {
        this(runner, source, parallelism, TenantListeners.none());
    }

    /**
     * Creates a fleet whose tenants' runs are told to listeners of their own.
     *
     * @param runner the application's runner: its locations, Java migrations, table prefix and settings apply to
     *        every tenant; its data source and listeners are not used
     * @param source lists the tenants at each run
     * @param parallelism how many tenants are migrated at once (each holds up to two connections while it runs)
     * @param listeners the listeners of each tenant's run (an audit log in the tenant's database, say)
     */
    public TenantFleet(MigrationRunner runner, TenantSource source, int parallelism, TenantListeners listeners) {
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.source = Objects.requireNonNull(source, "source");
        if (parallelism < 1) {
            throw new IllegalArgumentException("tenant parallelism must be at least 1: " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** The source of the tenants. */
    public TenantSource source() {
        return source;
    }

    /** How many tenants are migrated at once. */
    public int parallelism() {
        return parallelism;
    }

    /**
     * Migrates every tenant to the latest migration.
     *
     * @throws TenantListingException when the source cannot list the tenants (nothing was migrated)
     */
    public FleetResult migrate() {
        return migrate(MigrateOptions.all());
    }

    /**
     * Migrates every tenant with the options a single {@link MigrationRunner#migrate(MigrateOptions)} takes: each
     * tenant goes to the target and within the phase; in a dry run nothing changes anywhere and no lock is taken,
     * and each tenant's result is what it would get ({@link FleetResult#pendingGroups()} groups the tenants by that).
     * A tenant already past the target is reported ({@link TenantResult.PastTarget}), never rolled back.
     *
     * @param options the options of every tenant's run
     * @throws dev.covet.migrations.MigrationException when the target is not among the migration files (checked
     *         once, before any tenant is touched)
     * @throws TenantListingException when the source cannot list the tenants (nothing was migrated)
     */
    public FleetResult migrate(MigrateOptions options) {
        Objects.requireNonNull(options, "options");
        long start = System.nanoTime();
        FleetTarget target = options.target() == null ? null : FleetTarget.of(runner, options.target());
        TenantMigration migration = new TenantMigration(options, target);
        List<Tenant> tenants = list();
        Targets targets = new Targets(!options.dryRun());
        List<TenantResult> results = forEach(tenants, t -> migrate(t, targets, migration));
        FleetResult result = new FleetResult(results, Duration.ofNanos(System.nanoTime() - start), options.dryRun());
        LOG.info("{} {} tenant(s) in {} ms: {} failed", options.dryRun() ? "Planned (dry run)" : "Migrated", tenants.size(),
                result.duration().toMillis(), result.failed().size());
        return result;
    }

    /**
     * Where every tenant stands.
     *
     * @throws TenantListingException when the source cannot list the tenants
     */
    public FleetStatus status() {
        Targets targets = new Targets(true);
        return new FleetStatus(forEach(list(), t -> status(t, targets)));
    }

    private List<Tenant> list() {
        try {
            return List.copyOf(source.tenants());
        } catch (SQLException | RuntimeException e) {
            throw new TenantListingException("cannot list the tenants (" + source + "): " + e.getMessage(), e);
        }
    }

    private TenantResult migrate(Tenant tenant, Targets targets, TenantMigration migration) {
        FailedMigration failedAt = new FailedMigration();
        MigrationRunner tenantRunner;
        try {
            tenantRunner = targets.runner(tenant, failedAt);
        } catch (TenantUnreachableException | RuntimeException e) {
            return failed(new TenantResult.Failed(tenant.name(), null, String.valueOf(e.getMessage())));
        }
        try {
            return migration.run(tenant.name(), tenantRunner);
        } catch (RuntimeException e) {
            return failed(new TenantResult.Failed(tenant.name(), failedAt.id, String.valueOf(e.getMessage())));
        }
    }

    private static TenantResult failed(TenantResult.Failed failed) {
        LOG.error("Tenant {} failed{}: {}", failed.tenant(), failed.migration() == null ? "" : " at " + failed.migration(), failed.error());
        return failed;
    }

    /** Told by the engine which migration failed, so the result names it exactly (a run stops at its first failure). */
    private static final class FailedMigration implements MigrationListener {
        private volatile MigrationId id;

        @Override
        public void onFailure(MigrationEvent event) {
            id = event.id();
        }
    }

    private TenantStatus status(Tenant tenant, Targets targets) {
        try {
            MigrationStatus status = targets.runner(tenant, null).status();
            List<MigrationInfo> applied = status.applied();
            return new TenantStatus(tenant.name(), applied.isEmpty() ? null : applied.get(applied.size() - 1).id(),
                    applied.size(), status.pending().size(), status.failed().stream().map(MigrationInfo::id).toList(), null);
        } catch (TenantUnreachableException | RuntimeException e) {
            return new TenantStatus(tenant.name(), null, 0, 0, List.of(), String.valueOf(e.getMessage()));
        }
    }

    /** Runs {@code work} on every tenant, {@code parallelism} at a time, and returns the answers in the tenants' order. */
    private <T> List<T> forEach(List<Tenant> tenants, Function<Tenant, T> work) {
        if (tenants.isEmpty()) {
            return List.of();
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, tenants.size()), r -> {
            Thread t = new Thread(r, "covet-tenant-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Callable<T>> tasks = new ArrayList<>();
            for (Tenant tenant : tenants) {
                tasks.add(() -> {
                    MDC.put(MDC_KEY, tenant.name());
                    try {
                        return work.apply(tenant);
                    } finally {
                        MDC.remove(MDC_KEY);
                    }
                });
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                answers.add(f.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while migrating tenants", e);
        } catch (ExecutionException e) {
            // The work catches what a tenant throws; only an Error gets here.
            throw new IllegalStateException("tenant work failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A tenant Covet cannot reach or will not touch (refused name, missing schema, SQLite has no schemas). */
    private static final class TenantUnreachableException extends Exception {
        TenantUnreachableException(String message) {
            super(message);
        }
    }

    /** The runner of each tenant, with the dialect of each shared server read once per run. */
    private final class Targets {

        private final Map<DataSource, Dialect> sharedDialects = new IdentityHashMap<>();
        private final boolean withListeners;

        /**
         * @param withListeners whether each tenant's runner gets the tenant's listeners: not in a dry run, where an
         *        audit log in the tenant's database could create its table, and nothing may change
         */
        Targets(boolean withListeners) {
            this.withListeners = withListeners;
        }

        /** The tenant's runner; {@code failedAt}, when given, is told which migration fails. */
        MigrationRunner runner(Tenant tenant, MigrationListener failedAt) throws TenantUnreachableException {
            try {
                TenantNames.check(tenant.name());
            } catch (IllegalArgumentException e) {
                throw new TenantUnreachableException(e.getMessage());
            }
            TenantConnection connection = tenant.connection();
            if (connection instanceof TenantConnection.OwnDataSource own) {
                return runnerOn(tenant, own.dataSource(), null, failedAt);
            }
            if (connection instanceof TenantConnection.JdbcUrl url) {
                return runnerOn(tenant, new UrlDataSource(url.url(), url.user(), url.password()), null, failedAt);
            }
            return onSharedServer(tenant, (TenantConnection.SharedServer) connection, failedAt);
        }

        /** The tenant's runner with the tenant's own listeners, which are told the tenant's dialect. */
        private MigrationRunner runnerOn(Tenant tenant, DataSource dataSource, Dialect dialect, MigrationListener failedAt) {
            // The listeners are told the tenant's dialect; detected here once, it is handed on so the run does not
            // detect it again.
            Dialect known = dialect != null ? dialect : runner.withDataSource(dataSource, null, List.of()).dialect();
            List<MigrationListener> all = new ArrayList<>(withListeners ? listeners.forTenant(tenant.name(), dataSource, known) : List.of());
            if (failedAt != null) {
                all.add(failedAt);
            }
            return runner.withDataSource(dataSource, known, all);
        }

        private MigrationRunner onSharedServer(Tenant tenant, TenantConnection.SharedServer shared, MigrationListener failedAt)
                throws TenantUnreachableException {
            try {
                TenantNames.check(shared.name());
                Dialect dialect = dialectOf(shared.shared());
                ScopedDataSource scoped = switch (dialect.name()) {
                    case "postgresql" -> ScopedDataSource.postgresSchema(shared.shared(), shared.name());
                    case "mysql" -> ScopedDataSource.mysqlDatabase(shared.shared(), shared.name());
                    default -> throw new TenantUnreachableException("tenant '" + tenant.name() + "': " + dialect.name()
                            + " has no schemas or databases on one server; list each tenant's database by JDBC URL"
                            + " (covet.migrations.tenants.urls)");
                };
                return runnerOn(tenant, scoped, runner.config().dialect() != null ? runner.config().dialect() : dialect, failedAt);
            } catch (IllegalArgumentException e) {
                throw new TenantUnreachableException(e.getMessage());
            } catch (SQLException e) {
                throw new TenantUnreachableException("tenant '" + tenant.name() + "': cannot reach its server: " + e.getMessage());
            }
        }

        private Dialect dialectOf(DataSource shared) throws SQLException {
            synchronized (sharedDialects) {
                Dialect known = sharedDialects.get(shared);
                if (known == null) {
                    try (Connection c = shared.getConnection()) {
                        known = Dialect.forJdbcUrl(c.getMetaData().getURL());
                    }
                    sharedDialects.put(shared, known);
                }
                return known;
            }
        }
    }
}
