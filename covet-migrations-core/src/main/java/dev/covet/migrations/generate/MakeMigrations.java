package dev.covet.migrations.generate;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationPhase;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.diff.DiffEngine;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.diff.UnmanagedTables;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.schema.SchemaState;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * makemigrations: compares the model (for example from {@link dev.covet.migrations.jpa.JpaModelReader}) with
 * the schema the migration files project, and writes the difference as the next migration file, renames
 * detected rather than dropped and re-added.
 */
public final class MakeMigrations {

    private static final Logger log = LoggerFactory.getLogger(MakeMigrations.class);

    private final MigrationRunner runner;
    private final RenameDetector renameDetector;

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
        return run(runner.projectedSchema(), model, name, app, outputDirectory, empty);
    }

    /**
     * Generates the difference as a zero-downtime pair (see {@link ExpandContractSplitter}): a migration with
     * {@code phase: expand} to apply before the new code is deployed, and one with {@code phase: contract},
     * depending on it, to apply after. Either is left out when it would be empty.
     *
     * @return the migrations written (none when nothing changed)
     */
    public List<MakeMigrationsResult> runZeroDowntime(SchemaState model, String name, String app, Path outputDirectory) {
        SchemaState from = runner.projectedSchema();
        List<Operation> operations = diff(from, model);
        if (operations.isEmpty()) {
            return List.of();
        }
        ExpandContractSplitter.Split split = new ExpandContractSplitter().split(operations, from);
        String base = name == null || name.isBlank() ? MigrationNamer.slug(operations, 40) : name;
        MigrationGenerator generator = MigrationGenerator.fromLocations(runner.config().locations(), runner.config().classLoader());
        List<MakeMigrationsResult> written = new java.util.ArrayList<>();
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
        Path file = generator.saveMigration(migration, outputDirectory);
        return new MakeMigrationsResult(file, migration, operations, renameDetector.getStats());
    }

    /**
     * The operations from one schema to the model, unmanaged tables ({@link MigrationRunner.Config#unmanagedTables()})
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
        UnmanagedTables.Sides sides = UnmanagedTables.forGeneration(runner.config().unmanagedTables(), from,
                SameTypes.keepWritten(from, model, runner.dialect()));
        return new DiffEngine(renameDetector).generateDiff(sides.from(), sides.to());
    }

    /**
     * The same, from an explicit starting schema (the live database, to adopt an existing one). Unmanaged tables
     * the start does not have are left out of what is written.
     */
    public MakeMigrationsResult run(SchemaState from, SchemaState model, String name, String app, Path outputDirectory,
                                    boolean empty) {
        List<Operation> operations = empty ? List.of() : diff(from, model);
        if (operations.isEmpty() && !empty) {
            return new MakeMigrationsResult(null, null, List.of(), renameDetector.getStats());
        }
        MigrationGenerator generator = MigrationGenerator.fromLocations(runner.config().locations(), runner.config().classLoader());
        Migration migration = generator.generateMigration(operations, name, app);
        Path file = generator.saveMigration(migration, outputDirectory);
        return new MakeMigrationsResult(file, migration, operations, renameDetector.getStats());
    }
}
