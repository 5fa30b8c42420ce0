package dev.covet.migrations.autoconfigure;

import org.springframework.boot.ApplicationArguments;

/**
 * Whether the application was started to run a Covet command ({@code java -jar app.jar covet <command>}).
 * Startup migration is skipped then, so commands such as {@code status} or {@code migrate --dry-run} see
 * what is pending.
 */
public final class CovetCommandMode {

    /** The first program argument that selects command mode. */
    public static final String COMMAND_WORD = "covet";

    private CovetCommandMode() {
    }

    /**
     * Whether the arguments select command mode.
     *
     * @param arguments the application's arguments, or {@code null} when there are none
     * @return true when the first non-option argument is {@value #COMMAND_WORD}
     */
    public static boolean isCommand(ApplicationArguments arguments) {
        if (arguments == null) {
            return false;
        }
        String[] args = arguments.getSourceArgs();
        return args.length > 0 && COMMAND_WORD.equals(args[0]);
    }
}
