package dev.covet.migrations.diff;

import java.util.List;

/**
 * A change generation could not settle alone and nobody settled: no file is written while one remains.
 *
 * @param description what is open, e.g. {@code owners.telephone -> owners.phone_number (VARCHAR(255)): rename or drop and add?}
 * @param flags the flags that settle it, each alone
 */
public record UndecidedChange(String description, List<String> flags) {
    public UndecidedChange {
        flags = List.copyOf(flags);
    }

    /** The description and the flags on one line. */
    public String describe() {
        return description + "; settle it with " + String.join(" or ", flags);
    }
}
