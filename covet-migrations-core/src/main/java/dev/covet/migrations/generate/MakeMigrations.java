package dev.covet.migrations.generate;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.diff.DiffEngine;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.schema.SchemaState;

import java.nio.file.Path;
import java.util.List;

/**
 * makemigrations: compares the model (for example from {@link dev.covet.migrations.jpa.JpaModelReader}) with
 * the schema the migration files project, and writes the difference as the next migration file, renames
 * detected rather than dropped and re-added.
 */
public final class MakeMigrations {

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

    /** The same, from an explicit starting schema (the live database, to adopt an existing one). */
    public MakeMigrationsResult run(SchemaState from, SchemaState model, String name, String app, Path outputDirectory,
                                    boolean empty) {
        List<Operation> operations = empty ? List.of() : new DiffEngine(renameDetector).generateDiff(from, model);
        if (operations.isEmpty() && !empty) {
            return new MakeMigrationsResult(null, null, List.of(), renameDetector.getStats());
        }
        MigrationGenerator generator = MigrationGenerator.fromLocations(runner.config().locations(), runner.config().classLoader());
        Migration migration = generator.generateMigration(operations, name, app);
        Path file = generator.saveMigration(migration, outputDirectory);
        return new MakeMigrationsResult(file, migration, operations, renameDetector.getStats());
    }
}
