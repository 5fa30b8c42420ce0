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
        output.result(command, new Report(adopted.file().toString(), applied, adopted.tables()), "Wrote " + adopted.file()
                + " from the database's schema (" + adopted.tables().size() + " table(s)) and recorded " + applied
                + " as applied without running it. Commit the file; covet validate checks the database against it.");
        return ExitCodes.SUCCESS;
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
