package dev.covet.migrations;

import java.util.Locale;

/**
 * Where a migration stands in a zero-downtime (expand/contract) deployment.
 * <ul>
 *   <li>{@link #EXPAND}: additive changes the old code tolerates (new tables, nullable columns, backfills);
 *       applied by {@code migrate --phase expand} before the new code is deployed.</li>
 *   <li>{@link #CONTRACT}: removals the old code would break on (dropping the old column); held back by
 *       {@code --phase expand} and applied once every instance runs the new code.</li>
 *   <li>{@link #NONE}: not part of an expand/contract sequence; applied in either phase.</li>
 * </ul>
 */
public enum MigrationPhase {
    NONE, EXPAND, CONTRACT;

    /**
     * Reads {@code expand} or {@code contract} (any case); blank means {@link #NONE}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static MigrationPhase parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "expand" -> EXPAND;
            case "contract" -> CONTRACT;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("phase '" + text.trim() + "' is not expand or contract");
        };
    }

    /** The name as written in files and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
