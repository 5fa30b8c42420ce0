package dev.covet.migrations;

/**
 * How to roll back.
 *
 * @param steps how many applied migrations to undo, newest first (ignored when a target is given)
 * @param target roll back everything applied after this migration, keeping it ({@code null}: use steps)
 * @param dryRun plan and render the SQL without changing anything
 */
public record RollbackOptions(int steps, MigrationId target, boolean dryRun) {

    public RollbackOptions {
        if (target == null && steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, was " + steps);
        }
    }

    /** Undo the newest {@code steps} migrations. */
    public static RollbackOptions steps(int steps) {
        return new RollbackOptions(steps, null, false);
    }

    /** Undo everything applied after the target. */
    public static RollbackOptions toTarget(MigrationId target) {
        return new RollbackOptions(0, target, false);
    }

    /** The same, as a dry run. */
    public RollbackOptions asDryRun() {
        return new RollbackOptions(steps, target, true);
    }
}
