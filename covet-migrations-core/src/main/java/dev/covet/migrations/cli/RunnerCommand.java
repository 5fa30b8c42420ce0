package dev.covet.migrations.cli;

import dev.covet.migrations.MigrationRunner;

/**
 * A command working on the application's {@link MigrationRunner}: holds its spec and the runner, so each command
 * declares only what it accepts and what it does.
 */
abstract class RunnerCommand extends SpecifiedCommand {

    /** The runner of the application's migrations (null only in tests of usage, which never reach it). */
    protected final MigrationRunner runner;

    RunnerCommand(CommandSpec spec, MigrationRunner runner) {
        super(spec);
        this.runner = runner;
    }
}
