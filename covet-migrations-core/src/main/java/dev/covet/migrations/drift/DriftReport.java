package dev.covet.migrations.drift;

import java.util.List;

/**
 * The drift check's outcome.
 *
 * @param checked whether the check could run: {@code false} when applied migrations run raw SQL whose effect on
 *        the schema the projection cannot follow
 * @param reason why it could not run, or {@code null}
 * @param differences the differences, table by table (empty when none or not checked)
 */
public record DriftReport(boolean checked, String reason, List<SchemaDrift> differences) {

    public DriftReport {
        differences = List.copyOf(differences);
    }

    /** Whether the check ran and found the database as the migrations describe it. */
    public boolean inSync() {
        return checked && differences.isEmpty();
    }

    /** A report for a check that could not run. */
    public static DriftReport notChecked(String reason) {
        return new DriftReport(false, reason, List.of());
    }
}
