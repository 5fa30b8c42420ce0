package dev.covet.migrations.autoconfigure.cli;

import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.autoconfigure.CovetMigrationsProperties;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.generate.MakeMigrations;
import dev.covet.migrations.generate.MakeMigrationsResult;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code covet baseline [--name N]}: adopts an existing database. Reads the live schema (tables, columns, keys,
 * indexes, foreign keys and constraints; not views, triggers or routines), writes it as the first migration into
 * {@code covet.migrations.output-directory} ({@code 0001_initial} unless {@code --name} says otherwise), and records
 * that migration as applied without running it: the database already has it. From then on the project works as if
 * Covet had made the database: {@code validate} passes, and {@code makemigrations} writes only what the entities
 * change.
 * <p>
 * Tables listed in {@code covet.migrations.unmanaged-tables} (owned by other tools) are left out of the file.
 * Refused, changing nothing, when the database already has migration history, when migration files already exist
 * (in the locations or the output directory), when the database has no tables besides unmanaged ones, or when a
 * table's foreign key references an unmanaged table. With {@code --json}:
 * {@code {file, applied, tables}}.
 */
public class BaselineCommand implements CovetCommand {

    private static final CommandSpec SPEC = new CommandSpec("baseline", "covet baseline [--name N] [--json]", Set.of(),
            Set.of("name"), 0, 0);

    private final MigrationRunner runner;
    private final CovetMigrationsProperties properties;

    /**
     * Creates the command.
     *
     * @param runner the runner (its database is the one adopted)
     * @param properties the output directory
     */
    public BaselineCommand(MigrationRunner runner, CovetMigrationsProperties properties) {
        this.runner = runner;
        this.properties = properties;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int execute(ParsedCommand command, CommandOutput output) {
        String name = command.value("name") == null ? "initial" : command.value("name");
        if (!MakeMigrationsCommand.NAME.matcher(name).matches()) {
            throw new UsageException("--name must be snake_case (a-z, 0-9, _), was '" + name + "'");
        }
        Path directory = Path.of(properties.getOutputDirectory());
        String refusal = refusal(readingAlso(directory));
        // Tables other tools own (covet.migrations.unmanaged-tables) stay out of the file: they are not adopted.
        SchemaState live = refusal == null ? runner.config().unmanagedTables().without(runner.liveSchema()) : null;
        if (refusal == null && live.tables().isEmpty()) {
            refusal = "the database has no tables to adopt (besides unmanaged ones); start with covet makemigrations,"
                    + " then covet migrate";
        }
        MakeMigrationsResult written = null;
        if (refusal == null) {
            try {
                written = new MakeMigrations(runner, new RenameDetector()).run(SchemaState.empty(), live, name, null,
                        directory, false);
            } catch (SchemaException e) {
                refusal = e.getMessage(); // a managed table's foreign key to an unmanaged one
            }
        }
        if (refusal != null) {
            output.error(command.json(), "baseline refused: " + refusal, null);
            return ExitCodes.FAILURE;
        }
        MigrationId id = written.migration().id();
        try {
            readingAlso(directory).markApplied(id);
        } catch (RuntimeException e) {
            // Without its history row the file would make migrate re-create existing tables: take it back.
            delete(written.file());
            throw e;
        }
        List<String> tables = new ArrayList<>(live.tables().keySet());
        output.result(command, new Report(written.file().toString(), id.name(), tables), "Wrote " + written.file()
                + " from the database's schema (" + tables.size() + " table(s)) and recorded " + id.name()
                + " as applied without running it. Commit the file; covet validate checks the database against it.");
        return ExitCodes.SUCCESS;
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
    private MigrationRunner readingAlso(Path directory) {
        Path target = directory.toAbsolutePath().normalize();
        List<String> locations = runner.config().locations();
        boolean read = locations.stream().filter(l -> l.startsWith("filesystem:"))
                .anyMatch(l -> Path.of(l.substring("filesystem:".length())).toAbsolutePath().normalize().equals(target));
        if (read || !Files.isDirectory(directory)) {
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

    /**
     * The JSON document of {@code covet baseline --json}.
     *
     * @param file the migration written
     * @param applied its name, recorded as applied
     * @param tables the tables it creates (the database's tables)
     */
    public record Report(String file, String applied, List<String> tables) {
    }
}
