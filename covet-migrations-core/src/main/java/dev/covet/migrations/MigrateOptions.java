package dev.covet.migrations;


/**
 * How to migrate.
 *
 * @param target stop once this migration is applied ({@code null}: apply everything pending)
 * @param dryRun plan and render the SQL without changing anything
 * @param phase {@code null} or {@link MigrationPhase#NONE}: every pending migration;
 *        {@link MigrationPhase#EXPAND}: hold back contract migrations and everything that depends on them
 *        (the deploy before the new code); {@link MigrationPhase#CONTRACT}: everything pending, contract
 *        steps included (once the new code runs everywhere)
 * @param lint when not {@code null}, the migrations about to run are linted with these suppressions and the
 *        findings logged as warnings before anything runs ({@code null}: no lint)
 * @param force back up the rows of a dropped table or column however many there are: without it, a drop of more
 *        rows than {@link MigrationRunner.Builder#backupMaxRows(long)} stops the run before it changes anything
 */
public record MigrateOptions(MigrationId target, boolean dryRun, MigrationPhase phase,
                             LintSuppressions lint, boolean force) {

    public MigrateOptions {
        phase = phase == null ? MigrationPhase.NONE : phase;
    }

    /** Not forced. */
    public MigrateOptions(MigrationId target, boolean dryRun, MigrationPhase phase, LintSuppressions lint) {
        this(target, dryRun, phase, lint, false);
    }

    /** Every phase. */
    public MigrateOptions(MigrationId target, boolean dryRun) {
        this(target, dryRun, MigrationPhase.NONE);
    }

    /** Without lint. */
    public MigrateOptions(MigrationId target, boolean dryRun, MigrationPhase phase) {
        this(target, dryRun, phase, null);
    }

    /** Apply everything pending. */
    public static MigrateOptions all() {
        return new MigrateOptions(null, false);
    }

    /** Apply up to and including the target. */
    public static MigrateOptions toTarget(MigrationId target) {
        return new MigrateOptions(target, false);
    }

    /** The same, as a dry run. */
    public MigrateOptions asDryRun() {
        return new MigrateOptions(target, true, phase, lint, force);
    }

    /** The same, limited to a phase. */
    public MigrateOptions inPhase(MigrationPhase newPhase) {
        return new MigrateOptions(target, dryRun, newPhase, lint, force);
    }

    /** The same, warning about risky operations among what runs (see {@code lint}). */
    public MigrateOptions withLint(LintSuppressions suppressions) {
        return new MigrateOptions(target, dryRun, phase, suppressions, force);
    }

    /** The same, backing up dropped rows even above the limit (see {@code force}). */
    public MigrateOptions forced() {
        return new MigrateOptions(target, dryRun, phase, lint, true);
    }
}
