package dev.covet.migrations.autoconfigure.cli;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;

/**
 * Closes the application context (running shutdown hooks and {@code ExitCodeGenerator}s) and exits the JVM with
 * the command's code.
 */
public class SpringApplicationExit implements CovetExit {

    private final ApplicationContext context;

    /**
     * Creates the exit.
     *
     * @param context the context to close
     */
    public SpringApplicationExit(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void exit(int code) {
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
