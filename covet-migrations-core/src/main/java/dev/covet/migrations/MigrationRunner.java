package dev.covet.migrations;

import dev.covet.migrations.data.BatchDefaults;
import dev.covet.migrations.data.Replica;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.drift.DriftReport;
import dev.covet.migrations.internal.execute.MigrationEngine;
import dev.covet.migrations.internal.execute.MigrationInspector;
import dev.covet.migrations.introspect.DatabaseObject;
import dev.covet.migrations.introspect.UncapturedObject;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableFilter;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The facade: migrate, roll back and report status for one database.
 *
 * <pre>{@code
 * MigrationRunner runner = MigrationRunner.builder(dataSource)
 *         .locations("classpath:db/migrations")
 *         .build();
 * MigrateResult result = runner.migrate();
 * runner.rollback(1);
 * }</pre>
 */
public final class MigrationRunner {

    private final MigrationConfig config;

    private MigrationRunner(MigrationConfig config) {
        this.config = config;
    }

    /** Starts configuring a runner for the data source. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** The configuration this runner was built with. */
    public MigrationConfig config() {
        return config;
    }

    /** Applies every pending migration. */
    public MigrateResult migrate() {
        return migrate(MigrateOptions.all());
    }

    /** Applies pending migrations up to a target, or shows what would run (dry run). */
    public MigrateResult migrate(MigrateOptions options) {
        return engine().migrate(options);
    }

    /** Rolls back the newest {@code steps} applied migrations. */
    public RollbackResult rollback(int steps) {
        return rollback(RollbackOptions.steps(steps));
    }

    /** Rolls back by steps or to a target, or shows what would run (dry run). */
    public RollbackResult rollback(RollbackOptions options) {
        return engine().rollback(options);
    }

    /**
     * Records a migration as applied without running it, because the database already has what it creates: the
     * last step of adopting an existing database (its schema written as the initial migration, then marked). Takes
     * the migration lock and records the file's checksum exactly as {@link #migrate()} would, so {@link #validate()}
     * and later runs treat it as applied.
     *
     * @param id a migration in this runner's locations, not yet recorded, whose dependencies are applied
     * @throws MigrationException when that is not so
     */
    public void markApplied(MigrationId id) {
        engine().markApplied(id);
    }

    /**
     * Makes the history agree with the files after a deliberate change, as Flyway's {@code repair}: records the
     * file's checksum for each applied migration whose file was edited on purpose (the database already matches it),
     * and deletes FAILED rows after the user fixed the database by hand (those migrations are then pending and run
     * from their first statement). Takes the migration lock; each change is told to the listeners (the audit trail).
     *
     * @param dryRun only say what would change
     * @throws MigrationException, changing nothing, when an applied migration's file is missing
     */
    public RepairResult repair(boolean dryRun) {
        return engine().repair(dryRun);
    }

    /**
     * The same runner reading migrations from other locations (for example with the directory makemigrations writes
     * to, before a build copies it onto the classpath).
     */
    public MigrationRunner withLocations(List<String> locations) {
        return new MigrationRunner(config.withLocations(List.copyOf(locations)));
    }

    /**
     * The same configuration against another database, with other listeners (those of this runner usually write
     * about its own database): a tenant of a fleet ({@link dev.covet.migrations.tenant.TenantFleet}).
     *
     * @param dataSource the other database
     * @param dialect its dialect, or {@code null} to detect it from the connection
     * @param listeners the listeners of the new runner
     */
    public MigrationRunner withDataSource(DataSource dataSource, Dialect dialect, List<MigrationListener> listeners) {
        return new MigrationRunner(config.withDataSource(Objects.requireNonNull(dataSource, "dataSource"), dialect,
                List.copyOf(listeners)));
    }

    /** Applied, pending, failed, missing and modified migrations. */
    public MigrationStatus status() {
        return inspector().status();
    }

    /**
     * Checks the files against the history: loads, orders and projects every file, and fails on modified
     * applied migrations (unless checksum validation is off).
     *
     * @throws MigrationException naming each problem
     */
    public void validate() {
        inspector().validate();
    }

    /** The SQL one migration runs when applied ({@link Direction#UP}) or rolled back ({@link Direction#DOWN}), as {@code covet sqlmigrate}. */
    public List<String> sql(MigrationId id, Direction direction) {
        return inspector().sql(id, direction);
    }

    /**
     * Lints migrations for operations that lock or rewrite tables with data, or break code still running.
     *
     * @param suppressions findings the team accepted, each with a reason
     * @param pendingOnly only what is not applied yet; {@code false} for every file
     */
    public LintReport lint(LintSuppressions suppressions, boolean pendingOnly) {
        return inspector().lint(suppressions, pendingOnly);
    }

    /** Every migration file, parsed, in dependency order (for squashing and reports). */
    public List<Migration> migrations() {
        return inspector().migrations();
    }

    /** The schema all migration files project, applied or not; reads no database (makemigrations' starting point). */
    public SchemaState projectedSchema() {
        return inspector().projectedSchema();
    }

    /** The schema the applied migrations project: what the database should look like now. */
    public SchemaState appliedSchema() {
        return inspector().appliedSchema();
    }

    /** The live schema, read from the database's catalog (Covet's own tables left out). */
    public SchemaState liveSchema() {
        return inspector().liveSchema();
    }

    /**
     * The live database's objects besides tables: types, domains and sequences the tables may use, then views,
     * functions, procedures and triggers, in an order they can be created in. What {@code baseline} captures with
     * the tables.
     */
    public List<DatabaseObject> liveObjects() {
        return inspector().liveObjects();
    }

    /**
     * What the live database holds that {@link #liveObjects()} does not capture (aggregates, policies, partitioning,
     * comments, ...), each with why: a baseline names these instead of leaving them out silently.
     */
    public List<UncapturedObject> uncapturedObjects() {
        return inspector().uncapturedObjects();
    }

    /**
     * Where the live database differs from the schema its applied migrations project (a column added by hand, an
     * index dropped), table by table. Not judged when applied migrations run raw SQL or code.
     */
    public DriftReport drift() {
        return inspector().drift();
    }

    /**
     * {@link #status()}, {@link #validate()} and {@link #drift()} in one answer, from one load of the migration
     * files, one plan and one history read (each of the three on its own loads and plans the files again): for a
     * status page or a validation command that reports all three.
     *
     * @throws MigrationException when the history cannot be read or the files cannot be loaded or ordered at all
     *         (a broken file, a dependency cycle); a modified applied migration or a pending one that does not
     *         render is reported in {@link MigrationCheck#problem()} instead
     */
    public MigrationCheck check() {
        return inspector().check();
    }

    /** Who holds the migration lock now, or "free". */
    public String lockState() {
        return inspector().lockState();
    }

    /** The dialect of the database (configured, or detected from the connection). */
    public Dialect dialect() {
        return engine().dialect();
    }

    private MigrationInspector inspector() {
        return new MigrationInspector(engine());
    }

    private MigrationEngine engine() {
        return new MigrationEngine(config);
    }

    /** Configures a {@link MigrationRunner}. */
    public static final class Builder {
        private final DataSource dataSource;
        private Dialect dialect;
        private final List<String> locations = new ArrayList<>();
        private final Map<String, JavaMigration> javaMigrations = new LinkedHashMap<>();
        private String tablePrefix = "covet_";
        private Duration lockTimeout = Duration.ofSeconds(60);
        private boolean validateChecksums = true;
        private final List<MigrationListener> listeners = new ArrayList<>();
        private String appliedBy = System.getProperty("user.name", "unknown");
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        private TableFilter unmanagedTables = TableFilter.none();
        private long backupMaxRows = MigrationConfig.DEFAULT_BACKUP_MAX_ROWS;
        private Duration maxReplicaLag = BatchDefaults.MAX_REPLICA_LAG;
        private List<Replica> replicas = List.of();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The dialect; without it, detected from the connection's JDBC URL. */
        public Builder dialect(Dialect value) {
            this.dialect = value;
            return this;
        }

        /** Migration locations, e.g. {@code classpath:db/migrations}, {@code filesystem:/opt/app/migrations}. */
        public Builder locations(String... values) {
            this.locations.addAll(List.of(values));
            return this;
        }

        /** Migration locations. */
        public Builder locations(List<String> values) {
            this.locations.addAll(values);
            return this;
        }

        /** Registers a Java migration under its {@link JavaMigration#name()}. */
        public Builder javaMigration(JavaMigration migration) {
            if (javaMigrations.putIfAbsent(migration.name(), migration) != null) {
                throw new IllegalArgumentException("two Java migrations are named '" + migration.name() + "'");
            }
            return this;
        }

        /** Prefix of Covet's own tables (default {@code covet_}). */
        public Builder tablePrefix(String value) {
            this.tablePrefix = value;
            return this;
        }

        /** How long to wait for another instance's lock (default 60 s). */
        public Builder lockTimeout(Duration value) {
            this.lockTimeout = value;
            return this;
        }

        /** Whether a modified applied migration stops the run (default true). */
        public Builder validateChecksums(boolean value) {
            this.validateChecksums = value;
            return this;
        }

        /** Adds a listener told about each migration. */
        public Builder listener(MigrationListener value) {
            this.listeners.add(value);
            return this;
        }

        /** Recorded as who applied (default: the OS user). */
        public Builder appliedBy(String value) {
            this.appliedBy = value;
            return this;
        }

        /** Class loader for classpath locations. */
        public Builder classLoader(ClassLoader value) {
            this.classLoader = value;
            return this;
        }

        /**
         * Tables other tools own (Spring Batch, Quartz, ShedLock): makemigrations neither creates, changes, renames
         * nor drops them, a baseline leaves them out, and the drift check ignores them. Migrations written by hand
         * may still create or change them.
         */
        public Builder unmanagedTables(TableFilter value) {
            this.unmanagedTables = Objects.requireNonNull(value, "unmanagedTables");
            return this;
        }

        /**
         * The most rows a migration's DROP_TABLE (a table's rows) or DROP_COLUMN (a column's non-null values) copies into
         * a backup before it drops them (default 1,000,000). Above it the run stops before changing anything, naming the
         * table and the count; {@code backup: false} on the operation, a higher limit or {@link MigrateOptions#forced()}
         * lets it through.
         */
        public Builder backupMaxRows(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("backupMaxRows must not be negative: " + value);
            }
            this.backupMaxRows = value;
            return this;
        }

        /**
         * How far behind the primary its replicas may fall before a {@link dev.covet.migrations.data.BatchUpdate} in a Java migration waits
         * between batches (default 5 s; {@link Duration#ZERO}: not watched). A job's own
         * {@link dev.covet.migrations.data.BatchUpdate#maxReplicaLag(Duration)} wins.
         */
        public Builder maxReplicaLag(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("maxReplicaLag must not be negative: " + value);
            }
            this.maxReplicaLag = value;
            return this;
        }

        /**
         * The replicas a {@link dev.covet.migrations.data.BatchUpdate} in a Java migration asks for their lag between
         * batches, on MySQL and MariaDB, whose primary cannot see it (default none: not watched there). A job's own
         * {@link dev.covet.migrations.data.BatchUpdate#replicas(List)} wins.
         */
        public Builder replicas(List<Replica> value) {
            this.replicas = List.copyOf(value);
            return this;
        }

        /** The runner. */
        public MigrationRunner build() {
            List<String> locs = locations.isEmpty() ? List.of("classpath:db/migrations") : List.copyOf(locations);
            return new MigrationRunner(new MigrationConfig(dataSource, dialect, locs, Map.copyOf(javaMigrations), tablePrefix,
                    lockTimeout, validateChecksums, List.copyOf(listeners), appliedBy, classLoader, unmanagedTables,
                    backupMaxRows, maxReplicaLag, replicas));
        }
    }
}
