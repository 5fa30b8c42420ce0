package dev.covet.migrations.safety;

/**
 * One reason a rollback is risky.
 *
 * @param risk how risky
 * @param table the table concerned, or {@code null}
 * @param rows rows at risk (counted), 0 when none
 * @param message what would happen
 * @param recommendation what to do about it, or {@code null}
 */
public record RiskFinding(RollbackRisk risk, String table, long rows, String message, String recommendation) {
}
