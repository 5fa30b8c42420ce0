package dev.covet.migrations.autoconfigure;

import org.springframework.boot.ApplicationArguments;

import java.util.Arrays;
import java.util.List;

/**
 * Whether the application was started to run a Covet command ({@code java -jar app.jar covet <command>}): the
 * first program argument that is not a Spring option ({@code --name=value}) is {@value #COMMAND_WORD}. Startup
 * migration is skipped then, so commands such as {@code status} or {@code migrate --dry-run} see what is pending.
 */
public final class CovetCommandMode {

    /** The program argument that selects command mode. */
    public static final String COMMAND_WORD = "covet";

    private CovetCommandMode() {
    }

    /**
     * Whether the arguments select command mode.
     *
     * @param arguments the application's arguments, or {@code null} when there are none
     * @return whether a command is to run
     */
    public static boolean isCommand(ApplicationArguments arguments) {
        return arguments != null && commandArguments(arguments.getSourceArgs()) != null;
    }

    /**
     * The arguments after {@value #COMMAND_WORD} (the command's name first), or {@code null} when not in command
     * mode.
     *
     * @param sourceArgs the program arguments
     * @return the command's arguments, or null
     */
    public static List<String> commandArguments(String[] sourceArgs) {
        for (int i = 0; i < sourceArgs.length; i++) {
            if (!sourceArgs[i].startsWith("--")) {
                return COMMAND_WORD.equals(sourceArgs[i]) ? List.copyOf(Arrays.asList(sourceArgs).subList(i + 1, sourceArgs.length)) : null;
            }
        }
        return null;
    }
}
