package dev.covet.migrations.autoconfigure.cli;

import dev.covet.migrations.autoconfigure.CovetCommandMode;
import dev.covet.migrations.cli.CovetCommandDispatcher;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

import java.util.List;

/**
 * Runs {@code covet <command>} once the application context has started, then ends the application through
 * {@link CovetExit} with the command's exit code. Does nothing when the application was not started for a command.
 * <p>
 * It runs on {@link ApplicationStartedEvent}, before Boot calls the application's {@code ApplicationRunner}s and
 * {@code CommandLineRunner}s: Boot makes every runner bean before calling the first, and a runner that needs a
 * repository would build the JPA entity manager factory that commands otherwise skip (see
 * {@link CovetCommandEnvironmentPostProcessor}). The application's runners do not run when a command exits.
 */
public class CovetCommandRunner implements ApplicationListener<ApplicationStartedEvent>, ApplicationContextAware, Ordered {

    private final CovetCommandDispatcher dispatcher;
    private final CovetExit exit;
    private ApplicationContext context;

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
    public void setApplicationContext(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        // A child context's event reaches its parent's listeners too: run once, for this application's own start.
        if (event.getApplicationContext() == context) {
            run(event.getArgs());
        }
    }

    /**
     * Runs the command the program arguments name, if they name one, and exits with its code.
     *
     * @param sourceArgs the program arguments
     */
    public void run(String[] sourceArgs) {
        List<String> command = CovetCommandMode.commandArguments(sourceArgs);
        if (command != null) {
            exit.exit(dispatcher.run(command));
        }
    }

    // First among the listeners of the start: nothing of the application should react to a start that is a command.
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
