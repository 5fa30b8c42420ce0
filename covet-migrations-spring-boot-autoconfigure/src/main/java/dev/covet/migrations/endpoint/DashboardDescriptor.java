package dev.covet.migrations.endpoint;

import dev.covet.migrations.MigrationCheck;
import dev.covet.migrations.MigrationInfo;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.audit.DashboardData;
import dev.covet.migrations.drift.DriftReport;

import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The migrations dashboard: the body of {@code GET /actuator/migrations/dashboard}.
 * <p>
 * Built from the history table until the audit log ({@code covet_migration_audit}) lands; then it also counts
 * rollbacks and failed attempts that left no history row. {@code source} says which it was built from.
 *
 * @param source where the figures come from: {@code history} (or {@code audit})
 * @param statistics counts and timings
 * @param velocityPerDay migrations applied per day (UTC, {@code yyyy-MM-dd})
 * @param recent the most recently applied migrations, newest first
 * @param failed migrations whose last attempt failed
 * @param audit the audit trail's dashboard (every execution and rollback, success rate, rows affected, velocity,
 *        recent and failed executions), or {@code null} when auditing is disabled
 * @param pending migrations not applied yet, in the order they would run (without their SQL: the page asks
 *        {@code GET /actuator/migrations/plan?id=ID} for one when opened, so 500 pending files are not rendered on
 *        every load)
 * @param lock who holds the migration lock and since when, or "free"; {@code null} when not asked
 * @param drift where the live database differs from what the applied migrations project, or {@code null} when not
 *        asked
 * @param graph every migration with its state and dependencies, in dependency order (empty when not asked)
 */
public record DashboardDescriptor(String source, Statistics statistics, Map<String, Long> velocityPerDay,
                                  List<MigrationDescriptor> recent, List<MigrationDescriptor> failed,
                                  DashboardData audit, List<MigrationDescriptor> pending, String lock,
                                  DriftReport drift, List<MigrationNode> graph) {

    public DashboardDescriptor {
        pending = pending == null ? List.of() : List.copyOf(pending);
        graph = graph == null ? List.of() : List.copyOf(graph);
    }

    /**
     * The dashboard as it was before the pending, lock, drift and graph panels (kept for callers of the first
     * form): those stay empty.
     */
    public DashboardDescriptor(String source, Statistics statistics, Map<String, Long> velocityPerDay,
                               List<MigrationDescriptor> recent, List<MigrationDescriptor> failed, DashboardData audit) {
        this(source, statistics, velocityPerDay, recent, failed, audit, List.of(), null, null, List.of());
    }

    /** How many recent migrations the dashboard lists. */
    static final int RECENT = 10;

    /**
     * The dashboard of a status.
     *
     * @param status the status
     * @return the dashboard
     */
    public static DashboardDescriptor of(MigrationStatus status) {
        return of(status, null);
    }

    /**
     * The dashboard of a status, with the audit trail's figures when there are any.
     *
     * @param status the status
     * @param audit the audit dashboard, or null
     * @return the dashboard
     */
    public static DashboardDescriptor of(MigrationStatus status, DashboardData audit) {
        List<MigrationInfo> applied = status.applied();
        long totalMs = applied.stream().map(MigrationInfo::executionMs).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
        long timed = applied.stream().map(MigrationInfo::executionMs).filter(Objects::nonNull).count();
        Statistics statistics = new Statistics(applied.size() + status.pending().size(), applied.size(),
                status.pending().size(), status.failed().size(), totalMs, timed == 0 ? 0 : (double) totalMs / timed);
        Map<String, Long> velocity = new TreeMap<>();
        for (MigrationInfo info : applied) {
            if (info.appliedAt() != null) {
                velocity.merge(info.appliedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(), 1L, Long::sum);
            }
        }
        List<MigrationDescriptor> recent = applied.stream()
                .sorted(Comparator.comparing(MigrationInfo::appliedAt, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .limit(RECENT).map(MigrationDescriptor::of).toList();
        return new DashboardDescriptor(audit == null ? "history" : "audit", statistics, velocity, recent,
                status.failed().stream().map(MigrationDescriptor::of).toList(), audit,
                status.pending().stream().map(MigrationDescriptor::of).toList(), null, null, List.of());
    }

    /**
     * The whole dashboard: the figures of {@link #of(MigrationStatus, DashboardData)}, and the drift, the lock holder
     * and the dependency graph.
     *
     * @param check status, drift and the migrations in dependency order, from one read of the files and the history
     * @param lock the lock state
     * @param audit the audit dashboard, or null
     * @return the dashboard
     */
    public static DashboardDescriptor of(MigrationCheck check, String lock, DashboardData audit) {
        DashboardDescriptor figures = of(check.status(), audit);
        return new DashboardDescriptor(figures.source(), figures.statistics(), figures.velocityPerDay(),
                figures.recent(), figures.failed(), audit, figures.pending(), lock, check.drift(),
                MigrationNode.graphOf(check.migrations(), check.status()));
    }

    /**
     * Counts and timings.
     *
     * @param total migrations known (applied and pending)
     * @param applied applied migrations
     * @param pending pending migrations
     * @param failed failed migrations
     * @param totalExecutionMs time spent applying, over all applied migrations
     * @param averageExecutionMs average time to apply one
     */
    public record Statistics(int total, int applied, int pending, int failed, long totalExecutionMs,
                             double averageExecutionMs) {
    }
}
