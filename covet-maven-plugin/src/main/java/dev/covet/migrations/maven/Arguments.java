package dev.covet.migrations.maven;

import java.util.List;

/** Goal parameters as a command's options. */
final class Arguments {

    private Arguments() {
    }

    static void flag(List<String> args, String option, boolean set) {
        if (set) {
            args.add("--" + option);
        }
    }

    static void value(List<String> args, String option, Object value) {
        if (value != null && !value.toString().isBlank()) {
            args.add("--" + option);
            args.add(value.toString().trim());
        }
    }

    static void values(List<String> args, String option, List<String> values) {
        if (values != null) {
            values.forEach(v -> value(args, option, v));
        }
    }
}
