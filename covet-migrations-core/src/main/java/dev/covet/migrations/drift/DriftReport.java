package dev.covet.migrations.drift;

import java.util.List;

/**
 * The drift check's outcome.
 *
 * @param checked whether the check could run: {@code false} when applied migrations run raw SQL whose effect on
 *        the schema the projection cannot follow, or when the live schema could not be read ({@link #failed()})
 * @param reason why it could not run, or {@code null}
 * @param differences the differences, table by table (empty when none or not checked)
 * @param failed whether it could not run because of an error (the live schema could not be read), as opposed to
 *        by design (raw SQL the projection cannot follow): a gate such as {@code covet validate} fails on the former
 */
public record DriftReport(boolean checked, String reason, List<SchemaDrift> differences, boolean failed) {

    public DriftReport {
        differences = List.copyOf(differences);
        if (checked && failed) {
            throw new IllegalArgumentException("a drift check that ran did not fail");
        }
    }

    /** A report of a check that ran, or that did not run by design. */
    public DriftReport(boolean checked, String reason, List<SchemaDrift> differences) {
        this(checked, reason, differences, false);
    }

    /** Whether the check ran and found the database as the migrations describe it. */
    public boolean inSync() {
        return checked && differences.isEmpty();
    }

    /** A report for a check that does not run by design (the projection cannot follow the migrations). */
    public static DriftReport notChecked(String reason) {
        return new DriftReport(false, reason, List.of(), false);
    }

    /** A report for a check that could not run because of an error, such as a live schema that cannot be read. */
    public static DriftReport failed(String reason) {
        return new DriftReport(false, reason, List.of(), true);
    }
}
