package dev.covet.migrations.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows: statistics, executions per day, the most recent and the failed ones.
 *
 * @param statistics totals
 * @param velocityPerDay executions per day (UTC), oldest first, for the last 30 days with activity
 * @param recent the latest executions, newest first
 * @param failed failed executions of the last 30 days, newest first
 */
public record DashboardData(AuditStatistics statistics, Map<LocalDate, Long> velocityPerDay,
                            List<AuditEntry> recent, List<AuditEntry> failed) {
}
