package dev.covet.migrations.introspect;

import java.util.Objects;

/**
 * Something in the database that a baseline does not write into its migration, and why: it is named so that
 * nothing is left out silently (the baseline's output lists these; add them with a migration of your own).
 *
 * @param kind what it is ({@code aggregate}, {@code row-level security policy}, {@code partitioning}, ...)
 * @param name its name, or a count for things that come in numbers ({@code 12 comments})
 * @param why why it is not captured, and what to do
 */
public record UncapturedObject(String kind, String name, String why) {

    public UncapturedObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(why, "why");
    }

    /** {@code aggregate total_of(numeric): ...}, for messages. */
    public String label() {
        return kind + " " + name + ": " + why;
    }
}
