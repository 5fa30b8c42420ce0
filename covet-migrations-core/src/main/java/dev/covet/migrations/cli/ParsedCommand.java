package dev.covet.migrations.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command line after parsing: positional arguments, flags and option values.
 *
 * @param spec the command's spec
 * @param positional positional arguments, in order
 * @param flags the flags given
 * @param values the valued options given
 */
public record ParsedCommand(CommandSpec spec, List<String> positional, Set<String> flags, Map<String, String> values,
                            Map<String, List<String>> repeated) {

    private static final Pattern DURATION = Pattern.compile("(\\d+)([smhdw])");
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z0-9_]{1,100}");

    public ParsedCommand {
        positional = List.copyOf(positional);
        flags = Set.copyOf(flags);
        values = Map.copyOf(values);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        repeated.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        repeated = Map.copyOf(copy);
    }

    /** A command line with no repeated options. */
    public ParsedCommand(CommandSpec spec, List<String> positional, Set<String> flags, Map<String, String> values) {
        this(spec, positional, flags, values, Map.of());
    }

    /** Every value of an option that may be repeated, in the order given (empty when not given). */
    public List<String> valuesOf(String name) {
        return repeated.getOrDefault(name, values.containsKey(name) ? List.of(values.get(name)) : List.of());
    }

    /** Whether {@code --json} was given. */
    public boolean json() {
        return flags.contains(CommandSpec.JSON);
    }

    /** Whether a flag was given. */
    public boolean flag(String name) {
        return flags.contains(name);
    }

    /** An option's value, or {@code null}. */
    public String value(String name) {
        return values.get(name);
    }

    /**
     * A name option (a migration's name): snake_case, at most 100 characters.
     *
     * @return the value, or {@code null} when not given
     * @throws UsageException when it is not snake_case
     */
    public String nameValue(String name) {
        String text = values.get(name);
        if (text != null && !SNAKE_CASE.matcher(text).matches()) {
            throw new UsageException("--" + name + " must be snake_case (a-z, 0-9, _), was '" + text + "'");
        }
        return text;
    }

    /**
     * A whole-number option of at least {@code min}.
     *
     * @throws UsageException when it is not a number or is too small
     */
    public int intValue(String name, int defaultValue, int min) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min) {
                throw new UsageException("--" + name + " must be at least " + min + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a whole number, was '" + text + "'");
        }
    }

    /**
     * A duration option written {@code 30s}, {@code 15m}, {@code 12h}, {@code 7d} or {@code 2w}.
     *
     * @throws UsageException when malformed
     */
    public Duration durationValue(String name) {
        String text = values.get(name);
        if (text == null) {
            return null;
        }
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new UsageException("--" + name + " needs a duration such as 30s, 15m, 12h, 7d or 2w, was '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            case "d":
                return Duration.ofDays(amount);
            default:
                return Duration.ofDays(7 * amount);
        }
    }
}
