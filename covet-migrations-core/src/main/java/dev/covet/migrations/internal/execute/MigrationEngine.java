package dev.covet.migrations.internal.execute;

import dev.covet.migrations.execute.MigrationFailedException;
import dev.covet.migrations.MigrationConfig;
import dev.covet.migrations.internal.LogNames;
import dev.covet.migrations.Direction;
import dev.covet.migrations.ExecutedMigration;
import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.MigrateResult;
import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationEvent;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationListener;
import dev.covet.migrations.Printable;
import dev.covet.migrations.RepairResult;
import dev.covet.migrations.RollbackOptions;
import dev.covet.migrations.RollbackResult;
import dev.covet.migrations.RunStartEvent;
import dev.covet.migrations.data.BatchDefaults;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.dialect.LockWaits;
import dev.covet.migrations.LintFinding;
import dev.covet.migrations.internal.lint.MigrationLinter;
import dev.covet.migrations.HistoryRow;
import dev.covet.migrations.internal.history.HistoryTable;
import dev.covet.migrations.internal.tenant.ScopedDataSource;
import dev.covet.migrations.lock.MigrationLock;
import dev.covet.migrations.internal.loader.MigrationLoader;
import dev.covet.migrations.internal.loader.MigrationSource;
import dev.covet.migrations.schema.SchemaState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The changing work behind {@code MigrationRunner}: migrate, roll back, record as applied; one instance per call.
 * Read-only questions are {@link MigrationInspector}'s. Internal: use the runner.
 */
public final class MigrationEngine {

    /**
     * Held apart so that loading the engine does not initialize SLF4J: on a cold start that initialization (a
     * service-loader scan, about 20 ms) then happens on the loader thread, which logs first, while this one connects.
     */
    private static final class Log {
        static final Logger INSTANCE = LoggerFactory.getLogger(LogNames.RUNNER);
    }

    private final MigrationConfig config;
    private Dialect dialect;

    public MigrationEngine(MigrationConfig config) {
        this.config = config;
    }

    /** What the engine is configured with. */
    MigrationConfig config() {
        return config;
    }

    /**
     * The migration lock of this database's history. A tenant on a shared server ({@link ScopedDataSource}) has a
     * history of its own, so a lock of its own: otherwise the tenants of one PostgreSQL database would share one
     * advisory lock key and a fleet would migrate them one at a time.
     */
    public MigrationLock lock() {
        return config.dataSource() instanceof ScopedDataSource tenant
                ? dialect().tenantLock(config.dataSource(), tenant.lockScope(config.tablePrefix()))
                : dialect().lock(config.dataSource(), config.tablePrefix());
    }

    /** The configured dialect, or the one detected from a connection. */
    public Dialect dialect() {
        if (dialect == null) {
            Dialect configured = config.dialect();
            // SQLite's version and MySQL's sql_mode change what is rendered: those are read from a connection.
            if (configured != null && !configured.refinedByConnection()) {
                dialect = configured;
                return dialect;
            }
            try (Connection c = config.dataSource().getConnection()) {
                return dialect(c);
            } catch (SQLException e) {
                if (configured != null) {
                    Log.INSTANCE.debug("cannot read the database's version or settings ({}); assuming the defaults", e.getMessage());
                    dialect = configured;
                    return dialect;
                }
                throw new MigrationException("cannot connect to detect the database dialect: " + e.getMessage(), e);
            }
        }
        return dialect;
    }

    /**
     * The dialect, detected on {@code c} when it is not known yet: a cold start then opens one connection, not one
     * more for the detection (each a full handshake where there is no pool).
     */
    private Dialect dialect(Connection c) throws SQLException {
        if (dialect == null) {
            Dialect d = config.dialect() != null ? config.dialect() : Dialect.forJdbcUrl(c.getMetaData().getURL());
            dialect = forConnection(d, c);
        }
        return dialect;
    }

    /** The dialect for this database's version and settings (SQLite's ALTER forms, MySQL's sql_mode), or as given. */
    private static Dialect forConnection(Dialect d, Connection c) {
        if (!d.refinedByConnection()) {
            return d;
        }
        try {
            return d.forConnection(c);
        } catch (SQLException e) {
            Log.INSTANCE.debug("cannot read the {} version or settings ({}); assuming the defaults", d.name(), e.getMessage());
            return d;
        }
    }

    /** Fails at once, before any lock, when the database accepts no writes (a standby, a read-only server). */
    public void refuseReadOnly(String command) {
        try (OpenConnection open = connect()) {
            ReadOnlyGuard.refuse(dialect(open.connection()), open.connection(), command);
        } catch (SQLException e) {
            throw new MigrationException("cannot " + command + ": " + e.getMessage(), e);
        }
    }

    /** A connection for migrating; it waits up to the lock timeout for other connections' locks (SQLite's busy timeout). */
    OpenConnection connect() throws SQLException {
        Connection c = config.dataSource().getConnection();
        try {
            return new OpenConnection(c, dialect(c).lockWaits().connectionWait(c, config.lockTimeout()));
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /**
     * The connection a run uses. It was given the lock timeout as its wait for other connections' locks (on SQLite);
     * closing puts the connection's own setting back first, so a pooled connection returns to the application as it came.
     */
    record OpenConnection(Connection connection, LockWaits.Restore lockWait) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            lockWait.close();
            connection.close();
        }
    }

    /** A failure before anything ran, with advice when the database was locked by another connection (SQLite). */
    private MigrationException failure(String what, SQLException e, long startNanos) {
        // The field, not dialect(): when connecting failed, finding the dialect would only fail again.
        if (dialect != null && dialect.lockWaits().lockedByOtherConnection(e)) {
            return new MigrationException(what + ": " + dialect.lockWaits().lockedAdvice(Duration.ofNanos(System.nanoTime() - startNanos))
                    + ". Nothing was changed.", e);
        }
        return new MigrationException(what + ": " + e.getMessage(), e);
    }

    public List<MigrationSource> sources() {
        return new MigrationLoader(config.classLoader()).list(config.locations());
    }

    public HistoryTable history() {
        return new HistoryTable(dialect(), config.tablePrefix());
    }

    public MigrationRenderer renderer() {
        return new MigrationRenderer(dialect(), config.javaMigrations());
    }

    /** Applies pending migrations, or renders them in a dry run. */
    public MigrateResult migrate(MigrateOptions options) {
        // Reading and hashing the files overlaps with connecting and reading the history: on a start with nothing
        // pending those two are nearly all the work, and neither needs the other.
        Background<List<MigrationSource>> loading = Background.start("covet-migrations-loader", this::sources);
        long start = System.nanoTime();
        List<MigrationSource> sources;
        try (OpenConnection open = connect()) {
            Connection c = open.connection();
            if (!options.dryRun()) {
                ReadOnlyGuard.refuse(dialect(c), c, "migrate");
            }
            HistoryTable history = history();
            List<HistoryRow> rows = readIfExists(c, history);
            sources = loading.get();
            if (rows != null) {
                Map<MigrationId, HistoryRow> byId = byId(rows);
                checkModified(sources, byId);
                if (MigrationPlanner.nothingPending(sources, byId)) {
                    Log.INSTANCE.info("Database is up to date: {} migration(s) applied, none pending", rows.size());
                    return new MigrateResult(List.of(), options.dryRun());
                }
            }
            if (options.dryRun()) {
                return new MigrateResult(dryRun(sources, rows == null ? List.of() : rows, options), true);
            }
        } catch (SQLException e) {
            throw failure("migration failed", e, start);
        }
        // The connection above is closed while this instance waits for the lock: fifty instances starting at once
        // then hold fifty connections between them while they wait, not a hundred (PostgreSQL allows 100 by default).
        MigrationLock lock = lock();
        try (MigrationLock.Held held = lock.acquire(config.lockTimeout()); OpenConnection open = connect()) {
            Connection c = open.connection();
            HistoryTable history = history();
            history.create(c);
            // Another instance may have migrated while this one waited for the lock.
            List<HistoryRow> rows = history.readAll(c);
            checkModified(sources, byId(rows));
            return new MigrateResult(applyPending(c, sources, rows, options, held), false);
        } catch (SQLException e) {
            throw failure("migration failed", e, start);
        }
    }

    /**
     * Records a migration as applied without running it: for a database that already has its schema (adopting an
     * existing database with a baseline migration). Takes the migration lock and records the file's checksum, as
     * an apply would, so validation and later runs treat it like any applied migration.
     *
     * @throws MigrationException when there is no such file, it is already recorded, or a dependency is not applied
     */
    public void markApplied(MigrationId id) {
        MigrationSource source = sources().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new MigrationException("no migration " + id + " in " + config.locations()));
        Migration migration = source.parse();
        HistoryTable history = history();
        long start = System.nanoTime();
        try (OpenConnection open = connect()) {
            Connection c = open.connection();
            ReadOnlyGuard.refuse(dialect(c), c, "record " + id + " as applied");
            MigrationLock lock = lock();
            try (MigrationLock.Held ignored = lock.acquire(config.lockTimeout())) {
                history.create(c);
                Map<MigrationId, HistoryRow> rows = byId(history.readAll(c));
                if (rows.containsKey(id)) {
                    throw new MigrationException(id + " is already recorded (" + rows.get(id).state() + ")");
                }
                for (MigrationId dependency : migration.dependencies()) {
                    HistoryRow row = rows.get(dependency);
                    if (row == null || !row.isApplied()) {
                        throw new MigrationException("cannot record " + id + " as applied: its dependency " + dependency
                                + " is not applied");
                    }
                }
                try (PreparedStatement insert = history.prepareInsert(c)) {
                    history.insert(insert, new HistoryRow(id, source.checksum(), migration.description(), Instant.now(), 0,
                            config.appliedBy(), HistoryRow.APPLIED, 0, "recorded as applied without running (baseline)"));
                }
                Log.INSTANCE.info("Recorded {} as applied without running it", id);
            }
        } catch (SQLException e) {
            throw failure("cannot record " + id + " as applied", e, start);
        }
    }

    /**
     * Realigns the recorded checksums of applied files edited on purpose and removes FAILED rows, under the lock, or
     * in a dry run says what it would do.
     */
    public RepairResult repair(boolean dryRun) {
        return new MigrationRepair(this).repair(dryRun);
    }

    private List<ExecutedMigration> dryRun(List<MigrationSource> sources, List<HistoryRow> rows, MigrateOptions options) {
        MigrationPlan plan = new MigrationPlanner(renderer()).plan(sources, rows);
        List<ExecutedMigration> out = new ArrayList<>();
        SchemaState state = plan.stateAfterApplied();
        for (Migration m : MigrationPlanner.select(plan, options.target(), options.phase())) {
            warnAboutRiskyOperations(options, m, state);
            RenderedMigration r = renderer().renderUp(m, state);
            HistoryRow resume = plan.history().get(m.id());
            if (resume != null) {
                ProgressRecordingExecutor.checkSameRendering(r, resume, history().name());
            }
            List<String> sql = resume == null ? r.sql() : r.sql().subList(Math.min(resume.statementsDone(), r.sql().size()), r.sql().size());
            out.add(new ExecutedMigration(m.id(), m.description(), Direction.UP, sql, Duration.ZERO));
            state = r.after();
        }
        return out;
    }

    private List<ExecutedMigration> applyPending(Connection c, List<MigrationSource> sources, List<HistoryRow> rows,
                                                 MigrateOptions options, MigrationLock.Held held) throws SQLException {
        MigrationPlan plan = new MigrationPlanner(renderer()).plan(sources, rows);
        recordSquashes(c, plan.resolvedAsApplied());
        List<Migration> toRun = MigrationPlanner.select(plan, options.target(), options.phase());
        int waiting = MigrationPlanner.upTo(plan, options.target()).size() - toRun.size();
        if (waiting > 0) {
            Log.INSTANCE.info("Expand phase: {} contract migration(s) and their dependants wait for 'migrate --phase contract'", waiting);
        }
        // Render everything first: a broken file stops the run before anything is executed.
        List<RenderedMigration> rendered = new ArrayList<>();
        SchemaState state = plan.stateAfterApplied();
        for (Migration m : toRun) {
            warnAboutRiskyOperations(options, m, state);
            RenderedMigration r = renderer().renderUp(m, state);
            rendered.add(r);
            state = r.after();
        }
        DropBackups drops = new DropBackups(config.dataSource(), dialect(), config.tablePrefix(), config.backupMaxRows(),
                options.force());
        // Counted before the first migration runs: a drop too big to back up stops the run before it changes anything.
        drops.checkBeforeRun(c, rendered);
        notifyRunStart(Direction.UP, rows, rendered, plan.history());
        List<ExecutedMigration> done = execute(c, rendered, plan.history(), held, drops);
        recordCompletedSquashes(c, plan, done);
        return done;
    }

    /** Logs the lint findings for a migration about to run, when the options ask for it; a lint never stops a run. */
    private void warnAboutRiskyOperations(MigrateOptions options, Migration m, SchemaState before) {
        if (options.lint() == null) {
            return;
        }
        try {
            for (LintFinding finding : new MigrationLinter(dialect().lintProfile(), options.lint()).lint(m, before)) {
                Log.INSTANCE.warn("Covet Migrations lint: {}", Printable.line(finding.describe()));
            }
        } catch (RuntimeException e) {
            Log.INSTANCE.debug("Covet Migrations: lint of {} skipped: {}", m.id(), e.getMessage());
        }
    }

    /** A run that applied the last originals of a squash (the database was part-way through them) records the squash. */
    private void recordCompletedSquashes(Connection c, MigrationPlan plan, List<ExecutedMigration> done) throws SQLException {
        Set<MigrationId> applied = new HashSet<>();
        plan.history().values().stream().filter(HistoryRow::isApplied).forEach(r -> applied.add(r.id()));
        done.forEach(e -> applied.add(e.id()));
        recordSquashes(c, plan.deferredSquashes().stream().filter(m -> applied.containsAll(m.replaces())).toList());
    }

    private void recordSquashes(Connection c, List<Migration> squashes) throws SQLException {
        if (squashes.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = history().prepareInsert(c)) {
            for (Migration m : squashes) {
                Log.INSTANCE.info("{} replaces migrations that are all applied: recorded as applied", m.id());
                history().insert(insert, new HistoryRow(m.id(), m.checksum(), m.description(), Instant.now(), 0,
                        config.appliedBy(), HistoryRow.APPLIED, 0, "replaces " + m.replaces()));
            }
        }
    }

    private List<ExecutedMigration> execute(Connection c, List<RenderedMigration> rendered, Map<MigrationId, HistoryRow> history,
                                            MigrationLock.Held held, DropBackups drops) throws SQLException {
        // Batch jobs in Java migrations take the run's replica lag limit and replicas (covet.migrations.batch.*).
        try (BatchDefaults.Scope ignored = BatchDefaults.use(config.maxReplicaLag(), config.replicas())) {
            return executeAll(c, rendered, history, held, drops);
        }
    }

    private List<ExecutedMigration> executeAll(Connection c, List<RenderedMigration> rendered, Map<MigrationId, HistoryRow> history,
                                               MigrationLock.Held held, DropBackups drops) throws SQLException {
        ExecutionContext context = new ExecutionContext(history(), config.appliedBy(),
                held::renew, drops, config.lockTimeout());
        MigrationExecutor executor = MigrationExecutor.forDialect(dialect(), config.javaMigrations(), context);
        List<ExecutedMigration> done = new ArrayList<>();
        int total = rendered.size();
        for (int i = 0; i < total; i++) {
            RenderedMigration r = rendered.get(i);
            Migration m = r.migration();
            String verb = r.direction() == Direction.UP ? "Applying" : "Rolling back";
            int position = i + 1;
            Log.INSTANCE.info("{} {} of {}: {}{}", verb, position, total, m.id(), m.description().isEmpty() ? "" : " (" + Printable.line(m.description()) + ")");
            notify(l -> l.onStart(new MigrationEvent(m.id(), r.direction(), position, total, Duration.ZERO, List.of(), 0, null)));
            HistoryRow previous = history.get(m.id());
            HistoryRow resume = previous != null && !previous.isApplied() ? previous : null;
            try {
                ExecutionResult result = executor.execute(c, r, resume);
                int index = i + 1;
                Log.INSTANCE.info("{} {} in {} ms", r.direction() == Direction.UP ? "Applied" : "Rolled back", m.id(),
                        result.duration().toMillis());
                try {
                    notify(l -> l.onSuccess(new MigrationEvent(m.id(), r.direction(), index, total, result.duration(),
                            result.executed(), result.affectedRows(), null)));
                } catch (MigrationException e) {
                    // Only a required listener throws here: say that the migration itself is in place.
                    throw new MigrationException(m.id() + " was " + (r.direction() == Direction.UP ? "applied" : "rolled back")
                            + " and recorded in the history, but the run stops: " + e.getMessage(), e);
                }
                done.add(new ExecutedMigration(m.id(), m.description(), r.direction(), result.executed(), result.duration()));
            } catch (MigrationFailedException e) {
                int index = i + 1;
                notify(l -> l.onFailure(new MigrationEvent(m.id(), r.direction(), index, total, Duration.ZERO,
                        e.executed(), 0, e)));
                Log.INSTANCE.error("{} {} failed: {}", verb, m.id(), Printable.logBlock(e.getMessage()));
                throw e;
            }
        }
        return done;
    }

    /**
     * Tells listeners the run holds the lock, with the statements each migration left RUNNING or FAILED records as
     * completed (so the audit can say what a dead attempt ran).
     */
    private void notifyRunStart(Direction direction, List<HistoryRow> rows, List<RenderedMigration> rendered,
                                Map<MigrationId, HistoryRow> history) {
        Map<MigrationId, List<String>> run = new LinkedHashMap<>();
        for (RenderedMigration r : rendered) {
            HistoryRow row = history.get(r.migration().id());
            if (row != null && !row.isApplied()) {
                List<String> sql = r.sql();
                run.put(r.migration().id(), sql.subList(0, Math.min(row.statementsDone(), sql.size())));
            }
        }
        notify(l -> l.onRunStart(new RunStartEvent(direction, rows, run)));
    }

    /** Calls every listener; a failure is logged, or, from a required listener, fails the run. */
    void notify(Consumer<MigrationListener> call) {
        for (MigrationListener l : config.listeners()) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                if (l.required()) {
                    throw e instanceof MigrationException m ? m : new MigrationException("migration listener " + l
                            + " failed: " + e, e);
                }
                Log.INSTANCE.warn("migration listener {} failed: {}", l, e.toString());
            }
        }
    }

    /**
     * The files, listed once, and the history, read once, that one call works from.
     *
     * @throws MigrationException when the history cannot be read
     */
    public MigrationContext load() {
        return load(sources());
    }

    /**
     * The same files with the history read again: after this call changed the database.
     *
     * @throws MigrationException when the history cannot be read
     */
    public MigrationContext reload(MigrationContext context) {
        return load(context.sources());
    }

    private MigrationContext load(List<MigrationSource> sources) {
        long start = System.nanoTime();
        try (OpenConnection open = connect()) {
            // connect() already made the connection's reads causal
            return context(open.connection(), sources);
        } catch (SQLException e) {
            throw failure("cannot read the migration history", e, start);
        }
    }

    /**
     * The context of the files given and the history read on this connection, causally on a Galera node (the
     * connection may not be a run's, made causal by {@link #connect}).
     */
    MigrationContext load(Connection c, List<MigrationSource> sources) throws SQLException {
        try (LockWaits.Restore causal = dialect(c).lockWaits().causalReads(c)) {
            return context(c, sources);
        }
    }

    private MigrationContext context(Connection c, List<MigrationSource> sources) throws SQLException {
        return new MigrationContext(sources, readIfExists(c, history()), renderer());
    }

    /** Rolls back by steps or to a target, or renders it in a dry run. */
    public RollbackResult rollback(RollbackOptions options) {
        return rollback(null, options);
    }

    /**
     * Rolls back by steps or to a target, or renders it in a dry run, from a context already loaded (for example
     * the one a rollback was validated on). The history is read again under the lock: what is rolled back is worked
     * out from the database as it is then, from the same files.
     *
     * @param loaded the context, or {@code null} to load one
     */
    public RollbackResult rollback(MigrationContext loaded, RollbackOptions options) {
        List<MigrationSource> sources = loaded == null ? sources() : loaded.sources();
        HistoryTable history = history();
        long start = System.nanoTime();
        try (OpenConnection open = connect()) {
            Connection c = open.connection();
            MigrationContext context = loaded == null ? load(c, sources) : loaded;
            if (!context.historyTableExists()) {
                throw new MigrationException("nothing to roll back: no migration has been applied to this database");
            }
            if (options.dryRun()) {
                return new RollbackResult(renderRollback(context, options).stream()
                        .map(r -> new ExecutedMigration(r.migration().id(), r.migration().description(), Direction.DOWN, r.sql(),
                                Duration.ZERO)).toList(), true);
            }
            ReadOnlyGuard.refuse(dialect(c), c, "roll back");
            MigrationLock lock = lock();
            try (MigrationLock.Held held = lock.acquire(config.lockTimeout())) {
                MigrationContext locked = context.withHistory(history.readAll(c));
                List<RenderedMigration> rendered = renderRollback(locked, options);
                notifyRunStart(Direction.DOWN, locked.history(), List.of(), locked.historyById());
                List<ExecutedMigration> done = execute(c, rendered, locked.historyById(), held, null);
                for (RenderedMigration r : rendered) {
                    for (MigrationId replaced : r.migration().replaces()) {
                        history.delete(c, replaced);
                    }
                }
                return new RollbackResult(done, false);
            }
        } catch (SQLException e) {
            throw failure("rollback failed", e, start);
        }
    }

    /** The rollbacks to run, newest first, each rendered against the schema it was applied on. */
    public List<RenderedMigration> renderRollback(MigrationContext context, RollbackOptions options) {
        checkModified(context.sources(), context.historyById());
        MigrationPlan plan = context.plan();
        List<Migration> applied = plan.applied();
        for (HistoryRow row : context.history()) {
            if (row.isApplied() && applied.stream().noneMatch(m -> m.id().equals(row.id()))
                    && plan.ordered().stream().noneMatch(m -> m.replaces().contains(row.id()))) {
                throw new MigrationException("cannot roll back: applied migration " + row.id()
                        + " has no file any more, so its reverse is unknown. Restore the file first.");
            }
        }
        int count = rollbackCount(applied, options);
        List<Migration> undo = applied.subList(applied.size() - count, applied.size());
        Set<MigrationId> undoIds = new HashSet<>();
        undo.forEach(m -> undoIds.add(m.id()));
        for (Migration kept : applied.subList(0, applied.size() - count)) {
            for (MigrationId dep : kept.dependencies()) {
                if (undoIds.contains(dep)) {
                    throw new MigrationException("cannot roll back " + dep + " alone: applied migration " + kept.id()
                            + " depends on it. Roll back " + kept.id() + " first (more steps), or roll back to a target.");
                }
            }
        }
        List<SchemaState> before = new ArrayList<>();
        SchemaState state = SchemaState.empty();
        MigrationRenderer renderer = context.renderer();
        for (Migration m : applied) {
            before.add(state);
            state = renderer.project(m, state);
        }
        List<RenderedMigration> out = new ArrayList<>();
        for (int i = applied.size() - 1; i >= applied.size() - count; i--) {
            out.add(renderer.renderDown(applied.get(i), before.get(i)));
        }
        return out;
    }

    /** How many of the applied migrations, newest first, a rollback by steps or to a target undoes. */
    private static int rollbackCount(List<Migration> applied, RollbackOptions options) {
        if (options.target() == null) {
            if (options.steps() > applied.size()) {
                throw new MigrationException("cannot roll back " + options.steps() + " step(s): only " + applied.size()
                        + " migration(s) are applied");
            }
            return options.steps();
        }
        int at = -1;
        for (int i = 0; i < applied.size(); i++) {
            if (applied.get(i).id().equals(options.target())) {
                at = i;
            }
        }
        if (at < 0) {
            throw new MigrationException("rollback target " + options.target() + " is not applied");
        }
        return applied.size() - 1 - at;
    }

    void checkModified(List<MigrationSource> sources, Map<MigrationId, HistoryRow> history) {
        List<MigrationSource> modified = MigrationPlanner.modified(sources, history);
        if (config.validateChecksums()) {
            MigrationPlanner.requireUnmodified(modified, history);
        } else if (!modified.isEmpty()) {
            Log.INSTANCE.warn("{} applied migration(s) changed since they were applied (checksum validation is off): {}",
                    modified.size(), modified.stream().map(MigrationSource::id).toList());
        }
    }

    /** The history, or {@code null} when the table does not exist yet (one query either way). */
    List<HistoryRow> readIfExists(Connection c, HistoryTable history) throws SQLException {
        try {
            return history.readAll(c);
        } catch (SQLException e) {
            if (dialect().lockWaits().lockedByOtherConnection(e)) {
                throw e;
            }
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            return history.exists(c) ? history.readAll(c) : null;
        }
    }

    static Map<MigrationId, HistoryRow> byId(List<HistoryRow> rows) {
        Map<MigrationId, HistoryRow> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put(r.id(), r));
        return map;
    }
}
