package dev.covet.migrations.autoconfigure.cli;

import dev.covet.migrations.autoconfigure.CovetCommandMode;
import dev.covet.migrations.cli.CovetCommandDispatcher;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

import java.util.List;

/**
 * Runs {@code covet <command>} once the application has started, then ends the application through
 * {@link CovetExit} with the command's exit code. Does nothing when the application was not started for a command.
 */
public class CovetCommandRunner implements ApplicationRunner, Ordered {

    private final CovetCommandDispatcher dispatcher;
    private final CovetExit exit;

    /**
     * Creates the runner.
     *
     * @param dispatcher runs the command
     * @param exit ends the application
     */
    public CovetCommandRunner(CovetCommandDispatcher dispatcher, CovetExit exit) {
        this.dispatcher = dispatcher;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> command = CovetCommandMode.commandArguments(args.getSourceArgs());
        if (command != null) {
            exit.exit(dispatcher.run(command));
        }
    }

    // First among runners: the application's own runners should not run before a command ends the application.
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
