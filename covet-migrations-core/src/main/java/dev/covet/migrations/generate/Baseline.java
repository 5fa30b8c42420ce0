package dev.covet.migrations.generate;

import java.util.Map;
import dev.covet.migrations.operation.RunSql;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.DialectSql;
import dev.covet.migrations.introspect.DatabaseObject;
import dev.covet.migrations.introspect.UncapturedObject;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.internal.drift.HibernateWorkTables;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Adopts an existing database: reads its live schema (tables, columns, keys, indexes, foreign keys and constraints;
 * not views, triggers or routines), writes it as the first migration into the output directory, and records that
 * migration as applied without running it, since the database already has it. Tables the runner leaves unmanaged
 * are left out of the file.
 *
 * <p>Refused, changing nothing, when the database already has migration history, when migration files already exist
 * (in the locations or the output directory), when the database has no tables besides unmanaged ones, or when a
 * table's foreign key references an unmanaged table.
 */
public final class Baseline {

    private final MigrationRunner runner;
    private final Path outputDirectory;

    /**
     * @param runner the runner whose database is adopted
     * @param outputDirectory where the migration is written
     */
    public Baseline(MigrationRunner runner, Path outputDirectory) {
        this.runner = runner;
        this.outputDirectory = outputDirectory;
    }

    /**
     * Writes the database's schema as migration {@code name} and records it as applied.
     *
     * @param name the migration's name without its number ({@code initial})
     * @return what was written, or why nothing was
     */
    public BaselineResult adopt(String name) {
        String refusal = refusal(readingAlso());
        // Tables other tools own (unmanaged tables) stay out of the file: they are not adopted. Nor do Hibernate's
        // own work tables (HT_..., HTE_... on SQLite), which Hibernate makes at every start.
        SchemaState live = refusal == null
                ? HibernateWorkTables.without(runner.config().unmanagedTables().without(runner.liveSchema())) : null;
        if (refusal == null && live.tables().isEmpty()) {
            refusal = "the database has no tables to adopt (besides unmanaged ones); start with covet makemigrations,"
                    + " then covet migrate";
        }
        if (refusal != null) {
            return new BaselineResult.Refused(refusal);
        }
        MakeMigrationsResult written;
        List<DatabaseObject> objects;
        List<UncapturedObject> notCaptured;
        try {
            objects = runner.liveObjects();
            notCaptured = runner.uncapturedObjects();
            written = new MakeMigrations(runner, new RenameDetector()).runAround(SchemaState.empty(), live,
                    runSql(objects, true), runSql(objects, false), name, outputDirectory);
        } catch (SchemaException e) {
            return new BaselineResult.Refused(e.getMessage()); // a managed table's foreign key to an unmanaged one
        }
        MigrationId id = written.migration().id();
        try {
            readingAlso().markApplied(id);
        } catch (RuntimeException e) {
            // Without its history row the file would make migrate re-create existing tables: take it back.
            delete(written.file());
            throw e;
        }
        return new BaselineResult.Adopted(written.file(), id, new ArrayList<>(live.tables().keySet()),
                objects.stream().map(DatabaseObject::label).toList(), notCaptured.stream().map(UncapturedObject::label).toList());
    }

    /**
     * The objects besides tables as RUN_SQL for this database's dialect: its definition forward, its drop backward
     * (a baseline is not meant to be rolled back, but every operation Covet writes can be).
     */
    private List<Operation> runSql(List<DatabaseObject> objects, boolean beforeTables) {
        String dialect = runner.dialect().name();
        List<Operation> operations = new ArrayList<>();
        for (DatabaseObject o : objects) {
            if (o.beforeTables() == beforeTables) {
                operations.add(new RunSql(new DialectSql(List.of(), Map.of(dialect, List.of(o.createSql()))),
                        new DialectSql(List.of(), Map.of(dialect, List.of(o.dropSql()))), false, true, o.label()));
            }
        }
        return operations;
    }

    /** Why the database cannot be adopted, or null when it can. */
    private static String refusal(MigrationRunner runner) {
        MigrationStatus status = runner.status();
        int recorded = status.applied().size() + status.failed().size();
        if (recorded > 0) {
            return "the database already has migration history (" + recorded + " migration(s) recorded); "
                    + "use covet makemigrations for changes";
        }
        if (!status.pending().isEmpty()) {
            return "migration files already exist (" + status.pending().size() + ", first "
                    + status.pending().get(0).id().name() + "); baseline writes the first migration of a project "
                    + "that has none. Apply them with covet migrate, or remove them to adopt the database as it is";
        }
        return null;
    }

    /**
     * The runner, also reading the output directory when its locations do not: the file written there may reach
     * the classpath only with the next build, but must be found to be recorded (and to count as existing). A
     * directory that does not exist yet holds no files: the runner as it is.
     */
    private MigrationRunner readingAlso() {
        Path target = outputDirectory.toAbsolutePath().normalize();
        List<String> locations = runner.config().locations();
        boolean read = locations.stream().filter(l -> l.startsWith("filesystem:"))
                .anyMatch(l -> Path.of(l.substring("filesystem:".length())).toAbsolutePath().normalize().equals(target));
        if (read || !Files.isDirectory(outputDirectory)) {
            return runner;
        }
        List<String> withDirectory = new ArrayList<>(locations);
        withDirectory.add("filesystem:" + target);
        return runner.withLocations(withDirectory);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file + " after the baseline failed; remove it by hand", e);
        }
    }
}
