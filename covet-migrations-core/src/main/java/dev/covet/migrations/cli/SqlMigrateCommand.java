package dev.covet.migrations.cli;

import dev.covet.migrations.Direction;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationRunner;

import java.util.List;
import java.util.Set;

/**
 * {@code covet sqlmigrate ID [--backwards]}: the SQL one migration runs, forwards or backwards. With
 * {@code --json}: {@code {id, direction, sql}}.
 */
public class SqlMigrateCommand extends RunnerCommand {

    static final CommandSpec SPEC = new CommandSpec("sqlmigrate", "covet sqlmigrate ID [--backwards] [--json]",
            Set.of("backwards"), Set.of(), 1, 1);

    /**
     * Creates the command.
     *
     * @param runner the runner
     */
    public SqlMigrateCommand(MigrationRunner runner) {
        super(SPEC, runner);
    }

    @Override
    public int execute(ParsedCommand command, CommandOutput output) {
        MigrationId id;
        try {
            id = MigrationId.parse(command.positional().get(0), MigrationId.DEFAULT_APP);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        boolean backwards = command.flag("backwards");
        List<String> sql = runner.sql(id, backwards ? Direction.DOWN : Direction.UP);
        String text = sql.isEmpty() ? "-- no SQL" : String.join(";\n", sql) + ";";
        output.result(command, new SqlReport(id.toString(), backwards ? "DOWN" : "UP", sql), text);
        return ExitCodes.SUCCESS;
    }

    /**
     * The JSON document of {@code covet sqlmigrate --json}.
     *
     * @param id the migration
     * @param direction UP or DOWN
     * @param sql its statements
     */
    public record SqlReport(String id, String direction, List<String> sql) {
    }
}
