package dev.covet.migrations.autoconfigure.cli;

import dev.covet.migrations.autoconfigure.CovetCommandMode;
import dev.covet.migrations.cli.CommandOutput;
import dev.covet.migrations.cli.CovetCommandDispatcher;
import dev.covet.migrations.cli.CovetCommands;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;

import java.util.List;

/**
 * Answers {@code covet help}, {@code covet <command> --help}, a missing or an unknown command before anything of the
 * application starts (no environment, no context, no database), then exits the JVM with the answer's code.
 * <p>
 * It acts only when the application was launched from its own {@code main} method (the class Boot deduced as the
 * main class is one of the application's sources): exiting the JVM is then what the user asked for. Started any
 * other way (a test, an application embedding another), it does nothing and the command runs inside the started
 * application as every other command does.
 */
public class CovetHelpRunListener implements SpringApplicationRunListener {

    private final SpringApplication application;
    private final String[] args;

    /**
     * Created by Spring Boot for every run.
     *
     * @param application the application being run
     * @param args its program arguments
     */
    public CovetHelpRunListener(SpringApplication application, String[] args) {
        this.application = application;
        this.args = args;
    }

    @Override
    public void starting(ConfigurableBootstrapContext bootstrapContext) {
        List<String> command = args == null ? null : CovetCommandMode.commandArguments(args);
        if (command == null || !launchedFromItsMain()) {
            return;
        }
        CovetCommandDispatcher helpOnly = CovetCommands.helpOnly(new CommandOutput(System.out, System.err));
        if (helpOnly.answersWithoutRunning(command)) {
            System.exit(helpOnly.run(command));
        }
    }

    private boolean launchedFromItsMain() {
        Class<?> main = application.getMainApplicationClass();
        return main != null && application.getAllSources().contains(main);
    }
}
