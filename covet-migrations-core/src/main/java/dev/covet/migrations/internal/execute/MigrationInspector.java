package dev.covet.migrations.internal.execute;

import dev.covet.migrations.MigrationConfig;
import dev.covet.migrations.Direction;
import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationCheck;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationInfo;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.internal.graph.MigrationGraph;
import dev.covet.migrations.LintFinding;
import dev.covet.migrations.LintReport;
import dev.covet.migrations.LintSuppressions;
import dev.covet.migrations.internal.lint.MigrationLinter;
import dev.covet.migrations.internal.drift.DriftDetector;
import dev.covet.migrations.drift.DriftReport;
import dev.covet.migrations.HistoryRow;
import dev.covet.migrations.internal.loader.MigrationSource;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.introspect.DatabaseObject;
import dev.covet.migrations.introspect.UncapturedObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's read-only questions: status, validation, the SQL of one migration, the projected, applied and
 * live schemas, lint and drift, and status, validation and drift at once ({@link #check()}). Nothing here changes the database (the migration lock is only described).
 */
public final class MigrationInspector {

    private final MigrationEngine engine;
    private final MigrationConfig config;

    /** An inspector over the engine's configuration and connection. */
    public MigrationInspector(MigrationEngine engine) {
        this.engine = engine;
        this.config = engine.config();
    }

    /**
     * The schema every migration file projects, applied or not (what a fresh database would get): the "from"
     * side of makemigrations. Needs no database.
     */
    public SchemaState projectedSchema() {
        return projection().schema();
    }

    /**
     * The ids of every migration file and the schema they all project, from one listing of the files: what
     * makemigrations starts from (the next file's number and dependency, and the schema to compare with).
     */
    public Projection projection() {
        List<MigrationSource> sources = engine.sources();
        List<Migration> parsed = sources.stream().map(MigrationSource::parse).toList();
        List<Migration> ordered = MigrationGraph.of(SquashResolver.resolve(parsed, Set.of())).order();
        SchemaState state = SchemaState.empty();
        MigrationRenderer renderer = new MigrationRenderer(config.dialect() == null ? Dialect.forName("postgresql") : config.dialect(), config.javaMigrations());
        for (Migration m : ordered) {
            state = renderer.project(m, state);
        }
        return new Projection(sources.stream().map(MigrationSource::id).toList(), state);
    }

    /**
     * The migration files and what they project.
     *
     * @param fileIds the id of every file
     * @param schema the schema all of them project
     */
    public record Projection(List<MigrationId> fileIds, SchemaState schema) {
        public Projection {
            fileIds = List.copyOf(fileIds);
        }
    }

    /**
     * Every migration file, parsed and in dependency order. A squashed migration whose originals are all still
     * present is left out: the originals are the full history.
     */
    public List<Migration> migrations() {
        List<Migration> parsed = engine.sources().stream().map(MigrationSource::parse).toList();
        return MigrationGraph.of(SquashResolver.preferOriginals(parsed)).order();
    }

    /**
     * Lints migrations against the schema the migrations before each one project.
     *
     * @param pendingOnly only the migrations not yet applied (reads the history when the database has one);
     *        {@code false} for every file
     */
    public LintReport lint(LintSuppressions suppressions, boolean pendingOnly) {
        MigrationContext context = pendingOnly ? load() : new MigrationContext(engine.sources(), List.of(), engine.renderer());
        // The usual start has nothing pending: answer without parsing a file, as migrate does.
        if (pendingOnly && !context.history().isEmpty()
                && MigrationPlanner.nothingPending(context.sources(), context.historyById())) {
            return new LintReport(engine.dialect().name(), 0, List.of());
        }
        MigrationRenderer renderer = context.renderer();
        MigrationPlan plan = context.plan();
        MigrationLinter linter = new MigrationLinter(engine.dialect().lintProfile(), suppressions);
        List<LintFinding> findings = new ArrayList<>();
        SchemaState state = pendingOnly ? plan.stateAfterApplied() : SchemaState.empty();
        List<Migration> checked = pendingOnly ? plan.pending() : plan.ordered();
        for (Migration m : checked) {
            findings.addAll(linter.lint(m, state));
            state = renderer.project(m, state);
        }
        return new LintReport(engine.dialect().name(), checked.size(), findings);
    }

    /** The schema the applied migrations project (what the database should look like now). */
    public SchemaState appliedSchema() {
        return load().plan().stateAfterApplied();
    }

    /** Where the live database differs from what its applied migrations project, table by table. */
    public DriftReport drift() {
        List<MigrationSource> sources = engine.sources();
        try (Connection c = config.dataSource().getConnection()) {
            return drift(c, engine.load(c, sources).plan());
        } catch (SQLException e) {
            throw new MigrationException("cannot compare the database with its migrations: " + e.getMessage(), e);
        }
    }

    /** The live schema of the database, without Covet's own tables. */
    public SchemaState liveSchema() {
        try (Connection c = config.dataSource().getConnection()) {
            return readLive(c);
        } catch (SQLException e) {
            throw new MigrationException("cannot read the database schema: " + e.getMessage(), e);
        }
    }

    /** The live database's objects besides tables (views, routines, triggers, types, sequences). */
    public List<DatabaseObject> liveObjects() {
        try (Connection c = config.dataSource().getConnection()) {
            return readLiveObjects(c);
        } catch (SQLException e) {
            throw new MigrationException("cannot read the database's views, routines and triggers: " + e.getMessage(), e);
        }
    }

    /** Applied, pending, failed, missing and modified migrations. */
    public MigrationStatus status() {
        List<MigrationSource> sources = engine.sources();
        try (Connection c = config.dataSource().getConnection()) {
            return status(engine.load(c, sources));
        } catch (SQLException e) {
            throw new MigrationException("cannot read migration status: " + e.getMessage(), e);
        }
    }

    /**
     * Status, validation and drift together, from one load of the files, one plan and one history read: what
     * {@link #status()}, {@link #validate()} and {@link #drift()} answer one by one, each loading and planning
     * the files again.
     *
     * @throws MigrationException when the history cannot be read, or the files cannot be loaded or ordered at
     *         all (a broken file, a dependency cycle): then there is no status to report either
     */
    public MigrationCheck check() {
        List<MigrationSource> sources = engine.sources();
        try (Connection c = config.dataSource().getConnection()) {
            MigrationContext context = engine.load(c, sources);
            // Before planning, as validate() does: a modified applied file that no longer projects is "modified",
            // not the render error planning would report.
            String modified = modifiedProblem(context);
            MigrationPlan plan;
            try {
                plan = context.plan();
            } catch (RuntimeException e) {
                if (modified != null) {
                    throw new MigrationException(modified, e);
                }
                throw e;
            }
            String problem = modified != null ? modified : renderProblem(plan);
            return new MigrationCheck(status(context), problem, driftOrReason(c, plan), plan.ordered());
        } catch (SQLException e) {
            throw new MigrationException("cannot read the migration history: " + e.getMessage(), e);
        }
    }

    /** The status of the files against the history, from the context's plan of both. */
    private MigrationStatus status(MigrationContext context) {
        List<MigrationSource> sources = context.sources();
        List<HistoryRow> rows = context.history();
        MigrationPlan plan = context.plan();
        Map<MigrationId, HistoryRow> byId = context.historyById();
        Map<MigrationId, MigrationSource> sourceById = new LinkedHashMap<>();
        sources.forEach(s -> sourceById.put(s.id(), s));
        Set<MigrationId> replaced = new HashSet<>();
        sources.stream().map(MigrationSource::parse).forEach(m -> replaced.addAll(m.replaces()));
        List<MigrationInfo> applied = new ArrayList<>();
        List<MigrationInfo> failed = new ArrayList<>();
        List<MigrationInfo> missing = new ArrayList<>();
        for (HistoryRow row : rows) {
            MigrationInfo info = info(row, row.isApplied() ? "APPLIED" : HistoryRow.FAILED);
            if (!row.isApplied()) {
                failed.add(info);
            } else {
                applied.add(info);
                if (!sourceById.containsKey(row.id()) && !replaced.contains(row.id())) {
                    missing.add(info(row, "MISSING"));
                }
            }
        }
        List<MigrationInfo> pending = plan.pending().stream().filter(m -> !byId.containsKey(m.id()))
                .map(m -> new MigrationInfo(m.id(), m.description(), m.checksum(), null, null, null, "PENDING", null)).toList();
        List<MigrationInfo> modified = MigrationPlanner.modified(sources, byId).stream()
                .map(s -> info(byId.get(s.id()), "MODIFIED")).toList();
        return new MigrationStatus(engine.dialect().name(), applied, pending, failed, missing, modified);
    }

    /** Why {@link #validate()} would fail on the checksums, or {@code null}. */
    private String modifiedProblem(MigrationContext context) {
        try {
            engine.checkModified(context.sources(), context.historyById());
            return null;
        } catch (MigrationException e) {
            return e.getMessage();
        }
    }

    /** Why {@link #validate()} would fail on rendering the pending migrations of this plan, or {@code null}. */
    private String renderProblem(MigrationPlan plan) {
        try {
            renderPending(plan);
            return null;
        } catch (MigrationException e) {
            return e.getMessage();
        }
    }

    /**
     * The drift check; a live schema that cannot be read makes it "not checked" (marked failed, so a gate can
     * tell it from a check skipped by design), never a failed status.
     */
    private DriftReport driftOrReason(Connection c, MigrationPlan plan) {
        try {
            return drift(c, plan);
        } catch (SQLException | RuntimeException e) {
            return DriftReport.failed("the schema could not be read: " + e.getMessage());
        }
    }

    private DriftReport drift(Connection c, MigrationPlan plan) throws SQLException {
        return new DriftDetector(config.unmanagedTables(), engine.dialect()).check(plan.applied(), plan.stateAfterApplied(),
                readLive(c), () -> readLiveObjects(c));
    }

    /** Renders every pending migration on the schema before it: a file that does not render fails here. */
    private void renderPending(MigrationPlan plan) {
        SchemaState state = plan.stateAfterApplied();
        MigrationRenderer renderer = engine.renderer();
        for (Migration m : plan.pending()) {
            state = renderer.renderUp(m, state).after();
        }
    }

    private static MigrationInfo info(HistoryRow row, String state) {
        return new MigrationInfo(row.id(), row.description() == null ? "" : row.description(), row.checksum(), row.appliedAt(),
                row.executionMs(), row.appliedBy(), state, StatementsFingerprint.readable(row.detail()));
    }

    /** Loads, orders and projects every migration; checks checksums against the history when there is one. */
    public void validate() {
        List<MigrationSource> sources = engine.sources();
        try (Connection c = config.dataSource().getConnection()) {
            MigrationContext context = engine.load(c, sources);
            engine.checkModified(sources, context.historyById());
            renderPending(context.plan());
        } catch (SQLException e) {
            throw new MigrationException("cannot validate: " + e.getMessage(), e);
        }
    }

    /** The SQL of one migration, forwards or backwards, rendered on the schema its dependencies project. */
    public List<String> sql(MigrationId id, Direction direction) {
        MigrationPlan plan = new MigrationContext(engine.sources(), List.of(), engine.renderer()).plan();
        SchemaState state = SchemaState.empty();
        MigrationRenderer renderer = engine.renderer();
        for (Migration m : plan.ordered()) {
            if (m.id().equals(id)) {
                return (direction == Direction.DOWN ? renderer.renderDown(m, state) : renderer.renderUp(m, state)).sql();
            }
            state = renderer.project(m, state);
        }
        throw new MigrationException("no migration " + id + " in " + config.locations());
    }

    /** Who holds the migration lock now. */
    public String lockState() {
        try {
            return engine.lock().describe();
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The files and the history, read on a connection of its own. */
    private MigrationContext load() {
        List<MigrationSource> sources = engine.sources();
        try (Connection c = config.dataSource().getConnection()) {
            return engine.load(c, sources);
        } catch (SQLException e) {
            throw new MigrationException("cannot read the migration history: " + e.getMessage(), e);
        }
    }

    /** What of the live database {@link #liveObjects} does not capture, each with why. */
    public List<UncapturedObject> uncapturedObjects() {
        try (Connection c = config.dataSource().getConnection()) {
            return engine.dialect().schemaReader().readUncaptured(c);
        } catch (SQLException e) {
            throw new MigrationException("cannot read what the database holds besides tables: " + e.getMessage(), e);
        }
    }

    /** The live objects, without those that belong to a table other tools own (they come and go with it). */
    private List<DatabaseObject> readLiveObjects(Connection c) {
        try {
            return engine.dialect().schemaReader().readObjects(c).stream()
                    .filter(o -> o.table() == null || !config.unmanagedTables().matches(o.table())).toList();
        } catch (SQLException e) {
            throw new MigrationException("cannot read the database's views, routines and triggers: " + e.getMessage(), e);
        }
    }

    private SchemaState readLive(Connection c) throws SQLException {
        return engine.dialect().schemaReader().read(c, config.tablePrefix());
    }
}
