package dev.covet.migrations.diff;

/**
 * What a {@link RenameDetector} has done since it was created (or last reset).
 *
 * @param renamesDetected column and table renames produced, manual ones included
 * @param falsePositivesPrevented candidate pairs whose names alone were similar enough, but which were rejected
 *        by the type, constraint or length checks, or lost to a better pair for the same column
 */
public record RenameStats(int renamesDetected, int falsePositivesPrevented) {
}
