package dev.covet.migrations.generate;

import dev.covet.migrations.internal.generate.GenerationSource;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.LintFinding;
import dev.covet.migrations.LintSuppressions;
import dev.covet.migrations.schema.SchemaState;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code makemigrations} as one call from Java: reads the existing migrations from the output directory when it
 * exists ({@link GenerationSource}), writes the next migration (or an expand/contract pair) with
 * {@link MakeMigrations}, then lints what it wrote. A lint failure never undoes the files; it becomes a warning.
 */
public final class MakeMigrationsAndLint {

    /** What to write. */
    public enum Shape {
        /** One migration with the difference (none when nothing changed). */
        ONE,
        /** One migration even when nothing changed, to fill in by hand. */
        EMPTY,
        /** An expand and a contract migration (see {@link ExpandContractSplitter}). */
        EXPAND_CONTRACT
    }

    /**
     * What was written and what the lint found in it.
     *
     * @param results the migrations written (or the one result saying why nothing was)
     * @param lintWarnings the lint findings for the written migrations, described for people
     */
    public record Written(List<MakeMigrationsResult> results, List<String> lintWarnings) {
        public Written {
            results = List.copyOf(results);
            lintWarnings = List.copyOf(lintWarnings);
        }
    }

    private final GenerationSource source;
    private final Path outputDirectory;
    private final boolean lint;
    private final List<String> lintSuppressions;

    /**
     * @param runner the application's runner (its locations are the existing migrations)
     * @param outputDirectory where migrations are written (and, when it exists, read from)
     * @param lint whether what is written is linted
     * @param lintSuppressions accepted findings, {@code <migration>:<operation index or *>:<rule>=<reason>}
     */
    public MakeMigrationsAndLint(MigrationRunner runner, Path outputDirectory, boolean lint, List<String> lintSuppressions) {
        this.source = GenerationSource.of(runner, outputDirectory);
        this.outputDirectory = outputDirectory;
        this.lint = lint;
        this.lintSuppressions = List.copyOf(lintSuppressions);
    }

    /** Where the existing migrations are read from, to tell the user. */
    public String sourceDescription() {
        return source.description();
    }

    /** The schema the existing migrations project: the model of an {@link Shape#EMPTY} migration. */
    public SchemaState projectedSchema() {
        return source.runner().projectedSchema();
    }

    /**
     * What would be written, writing nothing ({@code --check}, {@code --dry-run}).
     *
     * @param model the schema the application needs
     * @param name the migration's name, or {@code null} to make one from the operations
     * @param detector a new detector for this run, with its decisions
     */
    public MakeMigrationsResult preview(SchemaState model, String name, RenameDetector detector) {
        return new MakeMigrations(source.runner(), detector).preview(model, name, null);
    }

    /**
     * Writes the next migration(s) and lints them.
     *
     * @param model the schema the application needs
     * @param name the migration's name, or {@code null} to make one from the operations
     * @param detector a new detector for this run, with its decisions
     * @param shape one migration, an empty one, or an expand/contract pair
     */
    public Written write(SchemaState model, String name, RenameDetector detector, Shape shape) {
        MakeMigrations makeMigrations = new MakeMigrations(source.runner(), detector);
        List<MakeMigrationsResult> results = shape == Shape.EXPAND_CONTRACT
                ? makeMigrations.runZeroDowntime(model, name, null, outputDirectory)
                : List.of(makeMigrations.run(model, name, null, outputDirectory, shape == Shape.EMPTY));
        return new Written(results, lint(makeMigrations, results.stream().filter(MakeMigrationsResult::changed).toList()));
    }

    /** The lint findings for what was just written. */
    private List<String> lint(MakeMigrations makeMigrations, List<MakeMigrationsResult> written) {
        if (written.isEmpty() || !lint) {
            return List.of();
        }
        try {
            return makeMigrations.lint(written, LintSuppressions.parse(lintSuppressions)).stream()
                    .map(LintFinding::describe).toList();
        } catch (RuntimeException e) {
            return List.of("lint could not run: " + e.getMessage());
        }
    }
}
