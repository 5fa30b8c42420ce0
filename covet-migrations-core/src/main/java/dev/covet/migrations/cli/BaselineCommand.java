package dev.covet.migrations.cli;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.generate.Baseline;
import dev.covet.migrations.generate.BaselineResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code covet baseline [--name N]}: adopts an existing database with {@link Baseline}: writes its schema as the
 * first migration into the output directory ({@code 0001_initial} unless {@code --name} says otherwise) and records
 * it as applied without running it. From then on {@code validate} passes, and {@code makemigrations} writes only what
 * the entities change. Tables listed in {@code covet.migrations.unmanaged-tables} are left out. With {@code --json}:
 * {@code {file, applied, tables}}.
 */
public class BaselineCommand extends RunnerCommand {

    static final CommandSpec SPEC = new CommandSpec("baseline", "covet baseline [--name N] [--json]", Set.of(),
            Set.of("name"), 0, 0);

    private final Path outputDirectory;

    /**
     * Creates the command.
     *
     * @param runner the runner (its database is the one adopted)
     * @param outputDirectory where the migration is written
     */
    public BaselineCommand(MigrationRunner runner, Path outputDirectory) {
        super(SPEC, runner);
        this.outputDirectory = outputDirectory;
    }

    @Override
    public int execute(ParsedCommand command, CommandOutput output) {
        String name = command.nameValue("name");
        BaselineResult result = new Baseline(runner, outputDirectory).adopt(name == null ? "initial" : name);
        if (result instanceof BaselineResult.Refused refused) {
            output.error(command.json(), "baseline refused: " + refused.reason(), null);
            return ExitCodes.FAILURE;
        }
        BaselineResult.Adopted adopted = (BaselineResult.Adopted) result;
        String applied = adopted.id().name();
        String objects = adopted.objects().isEmpty() ? ""
                : ", and as RUN_SQL " + adopted.objects().size() + " other object(s): " + String.join(", ", adopted.objects());
        String notCaptured = adopted.notCaptured().isEmpty() ? ""
                : "\nNot captured (" + adopted.notCaptured().size() + "; the database keeps them, but replaying the file elsewhere"
                + " will not make them):\n  " + String.join("\n  ", adopted.notCaptured());
        output.result(command, new Report(adopted.file().toString(), applied, adopted.tables(), adopted.objects(), adopted.notCaptured()),
                "Wrote " + adopted.file() + " from the database's schema (" + adopted.tables().size() + " table(s)"
                + objects + ") and recorded " + applied
                + " as applied without running it. Commit the file; covet validate checks the database against it." + notCaptured);
        return ExitCodes.SUCCESS;
    }

    /**
     * The JSON document of {@code covet baseline --json}.
     *
     * @param file the migration written
     * @param applied its name, recorded as applied
     * @param tables the tables it creates (the database's tables)
     * @param objects the other objects it creates with RUN_SQL (types, sequences, routines, views, triggers)
     * @param notCaptured what the database holds that the file does not create, each with why
     */
    public record Report(String file, String applied, List<String> tables, List<String> objects, List<String> notCaptured) {
    }
}
