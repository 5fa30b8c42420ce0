package dev.covet.migrations.safety;

/**
 * How careful a rollback is. Start from {@link #defaults()} and change what differs:
 * {@code RollbackPolicy.defaults().alwaysBackUp().highRiskAbove(10_000)}.
 *
 * @param backupEveryRollback back up before every rollback, not only when rows are at risk
 * @param verifyChecksums refuse when applied files were modified since they were applied
 * @param maxDataLossRows rows at risk above which a rollback is HIGH risk
 */
public record RollbackPolicy(boolean backupEveryRollback, boolean verifyChecksums, long maxDataLossRows) {

    /** The default of {@link #maxDataLossRows()}, as {@code covet.migrations.rollback.max-data-loss-rows}. */
    public static final long DEFAULT_MAX_DATA_LOSS_ROWS = 1000;

    public RollbackPolicy {
        if (maxDataLossRows < 0) {
            throw new IllegalArgumentException("maxDataLossRows must not be negative, was " + maxDataLossRows);
        }
    }

    /** Back up only when rows are at risk, verify checksums, HIGH risk above 1,000 rows. */
    public static RollbackPolicy defaults() {
        return new RollbackPolicy(false, true, DEFAULT_MAX_DATA_LOSS_ROWS);
    }

    /** The same, backing up before every rollback. */
    public RollbackPolicy alwaysBackUp() {
        return new RollbackPolicy(true, verifyChecksums, maxDataLossRows);
    }

    /** The same, backing up before every rollback when {@code always}, else only when rows are at risk. */
    public RollbackPolicy alwaysBackUp(boolean always) {
        return new RollbackPolicy(always, verifyChecksums, maxDataLossRows);
    }

    /** The same, verifying the checksums of applied files or not. */
    public RollbackPolicy verifyChecksums(boolean verify) {
        return new RollbackPolicy(backupEveryRollback, verify, maxDataLossRows);
    }

    /** The same, HIGH risk above {@code rows} rows at risk. */
    public RollbackPolicy highRiskAbove(long rows) {
        return new RollbackPolicy(backupEveryRollback, verifyChecksums, rows);
    }
}
