package dev.covet.migrations.audit;

/**
 * Totals over the audit trail.
 *
 * @param totalExecutions every recorded execution and rollback
 * @param successful those that succeeded
 * @param failed those that failed
 * @param running those still running (or whose process died)
 * @param rollbacks rollbacks among them
 * @param successRate successful / finished, from 0 to 1 (1 when nothing finished)
 * @param averageDurationMs mean duration of finished executions
 * @param totalAffectedRows rows changed in all
 */
public record AuditStatistics(long totalExecutions, long successful, long failed, long running, long rollbacks,
                              double successRate, double averageDurationMs, long totalAffectedRows) {
}
