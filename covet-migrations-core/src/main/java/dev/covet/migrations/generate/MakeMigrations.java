package dev.covet.migrations.generate;

import dev.covet.migrations.LintFinding;
import dev.covet.migrations.LintSuppressions;
import dev.covet.migrations.internal.execute.MigrationEngine;
import dev.covet.migrations.internal.execute.MigrationInspector;
import dev.covet.migrations.internal.generate.MigrationNamer;
import dev.covet.migrations.internal.lint.MigrationLinter;
import dev.covet.migrations.internal.diff.DatabaseChoices;
import dev.covet.migrations.internal.diff.SameTypes;
import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationPhase;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.diff.ChangeDecisions;
import dev.covet.migrations.diff.DiffEngine;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.diff.UndecidedChange;
import dev.covet.migrations.internal.diff.UnmanagedTables;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.schema.SchemaState;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * makemigrations: compares the model (for example from {@link dev.covet.migrations.jpa.JpaModelReader}) with
 * the schema the migration files project, and writes the difference as the next migration file, renames
 * detected rather than dropped and re-added.
 *
 * <p>When the detector decides with {@link ChangeDecisions} ({@link RenameDetector#decideWith}), a change it cannot
 * settle alone (a rename candidate below the threshold, a value for existing rows) that nobody settled stops the
 * file from being written: the result lists it ({@link MakeMigrationsResult#undecided()}) with the flags that
 * settle it. What was decided is written at the top of the file as comments.
 */
public final class MakeMigrations {

    private static final Logger log = LoggerFactory.getLogger(MakeMigrations.class);

    private final MigrationRunner runner;
    private final RenameDetector renameDetector;
    private MigrationInspector.Projection projection;
    /** What the last diff kept as the current schema has it ({@link DatabaseChoices}). */
    private List<String> keptNotes = List.of();

    /**
     * @param runner reads the existing migrations (its locations) and knows the dialect
     * @param renameDetector finds renames; give it {@link ChangeDecisions} so nothing destructive is guessed
     */
    public MakeMigrations(MigrationRunner runner, RenameDetector renameDetector) {
        this.runner = runner;
        this.renameDetector = renameDetector;
    }

    /**
     * Generates and writes the next migration.
     *
     * @param model the schema the application needs
     * @param name the migration's name without number, or {@code null} to make one from the operations
     * @param app the app (namespace), or {@code null} for the default app
     * @param outputDirectory where to write the file
     * @param empty write an empty migration even when nothing changed (to fill in by hand)
     */
    public MakeMigrationsResult run(SchemaState model, String name, String app, Path outputDirectory, boolean empty) {
        return run(projection().schema(), model, name, app, outputDirectory, empty);
    }

    /**
     * What {@link #run} would write, without writing anything ({@code --dry-run}, {@code --check}): the result has
     * the YAML and no file.
     */
    public MakeMigrationsResult preview(SchemaState model, String name, String app) {
        return generate(projection().schema(), model, List.of(), List.of(), name, app, null, false);
    }

    /**
     * Generates the difference as a zero-downtime pair (see {@link ExpandContractSplitter}): a migration with
     * {@code phase: expand} to apply before the new code is deployed, and one with {@code phase: contract},
     * depending on it, to apply after. Either is left out when it would be empty.
     *
     * @return the migrations written (none when nothing changed); a single unwritten result when something is
     *         undecided
     */
    public List<MakeMigrationsResult> runZeroDowntime(SchemaState model, String name, String app, Path outputDirectory) {
        SchemaState from = projection().schema();
        List<Operation> operations = diff(from, model);
        if (operations.isEmpty()) {
            return List.of();
        }
        if (blocked()) {
            return List.of(unwritten(operations, null));
        }
        ExpandContractSplitter.Split split = new ExpandContractSplitter().split(operations, from);
        String base = name == null || name.isBlank() ? MigrationNamer.slug(operations, 40) : name;
        MigrationGenerator generator = new MigrationGenerator(projection().fileIds());
        List<MakeMigrationsResult> written = new ArrayList<>();
        if (!split.expand().isEmpty()) {
            written.add(save(generator, split.expand(), base + "_expand", app, MigrationPhase.EXPAND, outputDirectory));
        }
        if (!split.contract().isEmpty()) {
            written.add(save(generator, split.contract(), base + "_contract", app, MigrationPhase.CONTRACT, outputDirectory));
        }
        return written;
    }

    private MakeMigrationsResult save(MigrationGenerator generator, List<Operation> operations, String name, String app,
                                      MigrationPhase phase, Path outputDirectory) {
        Migration migration = generator.generateMigration(operations, name, app).withPhase(phase);
        Path file = generator.saveMigration(migration, outputDirectory, decisionNotes());
        return new MakeMigrationsResult(file, migration, operations, renameDetector.getStats(), decisionNotes(), List.of(),
                List.of(), generator.render(migration, decisionNotes()));
    }

    /**
     * The operations from one schema to the model, unmanaged tables ({@link MigrationConfig#unmanagedTables()})
     * left as the start has them.
     *
     * @throws dev.covet.migrations.schema.SchemaException when a managed table references an unmanaged table the
     *         start does not have
     */
    private List<Operation> diff(SchemaState from, SchemaState model) {
        for (String table : model.tables().keySet()) {
            if (runner.config().unmanagedTables().matches(table)) {
                // Most likely a pattern wider than meant: say so rather than silently ignore the entity's changes.
                log.warn("Entity table {} matches covet.migrations.unmanaged-tables: makemigrations leaves it alone", table);
            }
        }
        // What the database chose by itself (Hibernate's key names, a composite key's order) is kept, not re-created.
        DatabaseChoices.Kept kept = DatabaseChoices.keep(from, SameTypes.keepWritten(from, model, runner.dialect()),
                model.mappingDefaults(), runner.dialect().name().equals("sqlite"));
        keptNotes = kept.notes();
        UnmanagedTables.Sides sides = UnmanagedTables.forGeneration(runner.config().unmanagedTables(), from, kept.target());
        return new DiffEngine(renameDetector).generateDiff(sides.from(), sides.to());
    }

    /**
     * The same, from an explicit starting schema (the live database, to adopt an existing one). Unmanaged tables
     * the start does not have are left out of what is written.
     */
    public MakeMigrationsResult run(SchemaState from, SchemaState model, String name, String app, Path outputDirectory,
                                    boolean empty) {
        return generate(from, model, List.of(), List.of(), name, app, outputDirectory, empty);
    }

    /**
     * The same, with operations the diff cannot produce around it: {@code first} before the tables (types and
     * sequences the tables use), {@code last} after them (views, routines, triggers built on them). For a baseline.
     */
    public MakeMigrationsResult runAround(SchemaState from, SchemaState model, List<Operation> first, List<Operation> last,
                                          String name, Path outputDirectory) {
        return generate(from, model, first, last, name, null, outputDirectory, false);
    }

    /** Generates; writes when {@code outputDirectory} is given and nothing is undecided. */
    private MakeMigrationsResult generate(SchemaState from, SchemaState model, List<Operation> first, List<Operation> last,
                                          String name, String app, Path outputDirectory, boolean empty) {
        List<Operation> operations = new ArrayList<>(first);
        operations.addAll(empty ? List.of() : diff(from, model));
        operations.addAll(last);
        if (blocked()) {
            return unwritten(operations, null);
        }
        if (operations.isEmpty() && !empty) {
            return unwritten(List.of(), null);
        }
        MigrationGenerator generator = new MigrationGenerator(projection().fileIds());
        Migration migration = generator.generateMigration(operations, name, app);
        String yaml = generator.render(migration, decisionNotes());
        if (outputDirectory == null) {
            return new MakeMigrationsResult(null, migration, operations, renameDetector.getStats(), decisionNotes(),
                    List.of(), List.of(), yaml);
        }
        Path file = generator.saveMigration(migration, outputDirectory, decisionNotes());
        return new MakeMigrationsResult(file, migration, operations, renameDetector.getStats(), decisionNotes(), List.of(),
                List.of(), yaml);
    }

    /**
     * The existing files and what they project, listed and read once for this instance: the schema to compare
     * with, the next number, and the starting point of the lint.
     */
    private MigrationInspector.Projection projection() {
        if (projection == null) {
            projection = new MigrationInspector(new MigrationEngine(runner.config())).projection();
        }
        return projection;
    }

    /**
     * Lints what was just written, each migration against the schema before it (the existing migrations' projection,
     * then the migrations written before it), without reading the files again.
     *
     * @param written what {@link #run} or {@link #runZeroDowntime} wrote, in order
     */
    public List<LintFinding> lint(List<MakeMigrationsResult> written, LintSuppressions suppressions) {
        MigrationLinter linter = new MigrationLinter(runner.dialect().lintProfile(), suppressions);
        List<LintFinding> findings = new ArrayList<>();
        SchemaState state = projection().schema();
        for (MakeMigrationsResult result : written) {
            findings.addAll(linter.lint(result.migration(), state));
            for (Operation op : result.migration().operations()) {
                state = op.applyTo(state);
            }
        }
        return findings;
    }

    private boolean blocked() {
        ChangeDecisions d = renameDetector.decisions();
        return d != null && (!d.undecided().isEmpty() || !d.unusedFlags().isEmpty());
    }

    private MakeMigrationsResult unwritten(List<Operation> operations, String yaml) {
        ChangeDecisions d = renameDetector.decisions();
        List<UndecidedChange> undecided = d == null ? List.of() : d.undecided();
        List<String> unused = d == null ? List.of() : d.unusedFlags();
        return new MakeMigrationsResult(null, null, operations, renameDetector.getStats(), decisionNotes(), undecided, unused, yaml);
    }

    /** What was decided (renames, values for rows) and what the database's own choices kept, one line each. */
    private List<String> decisionNotes() {
        ChangeDecisions d = renameDetector.decisions();
        List<String> notes = new ArrayList<>(d == null ? List.of() : d.notes());
        notes.addAll(keptNotes);
        return notes;
    }
}
