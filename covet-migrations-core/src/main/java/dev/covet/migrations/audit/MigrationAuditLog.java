package dev.covet.migrations.audit;

import dev.covet.migrations.Direction;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.dialect.Dialect;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit trail of every migration execution and rollback: who ran it, where, when, what SQL, how long, with
 * what result. Rows are hash-chained ({@link #verify()} finds rows changed or deleted afterwards). Writes use
 * their own connection and commit at once, so a failed migration's rollback does not erase its audit record.
 */
public final class MigrationAuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int DASHBOARD_DAYS = 30;

    private final DataSource dataSource;
    private final AuditTable table;
    private final Clock clock;
    private volatile boolean created;

    public MigrationAuditLog(DataSource dataSource, Dialect dialect, String tablePrefix) {
        this(dataSource, dialect, tablePrefix, Clock.systemUTC());
    }

    public MigrationAuditLog(DataSource dataSource, Dialect dialect, String tablePrefix, Clock clock) {
        this.dataSource = dataSource;
        this.table = new AuditTable(dialect, tablePrefix);
        this.clock = clock;
    }

    /** Records that a migration starts; returns the audit id to complete. */
    public long recordExecutionStart(MigrationId migration, Direction direction, String executor, String environment,
                                     Map<String, String> metadata) {
        return write(c -> {
            AuditEntry last = table.last(c);
            long id = last == null ? 1 : last.id() + 1;
            AuditEntry entry = new AuditEntry(id, migration.toString(), direction.name(), executor, environment,
                    metadata == null || metadata.isEmpty() ? null : JSON.writeValueAsString(new TreeMap<>(metadata)),
                    now(), null, AuditEntry.RUNNING, null, 0, List.of(), null, "");
            AuditEntry hashed = withHash(entry, last == null ? AuditHasher.GENESIS : last.hash());
            table.insert(c, hashed);
            return id;
        });
    }

    /** Records that an applying migration starts (the seed's form). */
    public long recordExecutionStart(MigrationId migration, String executor, String environment, Map<String, String> metadata) {
        return recordExecutionStart(migration, Direction.UP, executor, environment, metadata);
    }

    /** Records how the execution with this audit id ended. */
    public void recordExecutionComplete(long auditId, boolean success, Duration duration, long affectedRows,
                                        List<String> sqlExecuted, String error) {
        write(c -> {
            AuditEntry e = table.get(c, auditId);
            if (e == null) {
                throw new MigrationException("no audit record " + auditId);
            }
            AuditEntry previous = table.before(c, auditId);
            AuditEntry done = new AuditEntry(e.id(), e.migration(), e.direction(), e.executor(), e.environment(),
                    e.metadata(), e.startedAt(), now(), success ? AuditEntry.SUCCESS : AuditEntry.FAILED,
                    duration == null ? Duration.ZERO : duration.truncatedTo(ChronoUnit.MILLIS), affectedRows,
                    sqlExecuted, error, "");
            table.complete(c, withHash(done, previous == null ? AuditHasher.GENESIS : previous.hash()));
            return null;
        });
    }

    /** The latest executions, newest first. */
    public List<AuditEntry> getRecentMigrations(int limit) {
        return read(c -> table.query(c, "SELECT " + AuditTable.COLUMNS + " FROM " + table.name() + " ORDER BY id DESC", limit));
    }

    /** Failed executions since the instant, newest first. */
    public List<AuditEntry> getFailedMigrations(Instant since) {
        return read(c -> table.query(c, "SELECT " + AuditTable.COLUMNS + " FROM " + table.name()
                + " WHERE status = ? AND started_at >= ? ORDER BY id DESC", 0, AuditEntry.FAILED, since));
    }

    /** Every execution and rollback of one migration (by name, or {@code app:name}), oldest first. */
    public List<AuditEntry> getMigrationHistory(String migration) {
        return read(c -> table.query(c, "SELECT " + AuditTable.COLUMNS + " FROM " + table.name()
                + " WHERE migration = ? ORDER BY id", 0, migration));
    }

    /** Every row in a period, oldest first: the content of a compliance report. */
    public List<AuditEntry> getEntries(Instant from, Instant to) {
        return read(c -> table.query(c, "SELECT " + AuditTable.COLUMNS + " FROM " + table.name()
                + " WHERE started_at >= ? AND started_at < ? ORDER BY id", 0, from, to));
    }

    /** Totals over the whole trail. */
    public AuditStatistics getStatistics() {
        return statistics(read(c -> table.query(c, "SELECT " + AuditTable.COLUMNS + " FROM " + table.name() + " ORDER BY id", 0)));
    }

    /** Statistics, executions per day over the last 30 days, the 20 most recent and the failed ones. */
    public DashboardData getDashboardData() {
        List<AuditEntry> all = read(c -> table.query(c, "SELECT " + AuditTable.COLUMNS + " FROM " + table.name() + " ORDER BY id", 0));
        Instant since = now().minus(Duration.ofDays(DASHBOARD_DAYS));
        Map<LocalDate, Long> velocity = new TreeMap<>();
        List<AuditEntry> failed = new ArrayList<>();
        for (AuditEntry e : all) {
            if (!e.startedAt().isBefore(since)) {
                velocity.merge(LocalDate.ofInstant(e.startedAt(), ZoneOffset.UTC), 1L, Long::sum);
                if (AuditEntry.FAILED.equals(e.status())) {
                    failed.add(0, e);
                }
            }
        }
        List<AuditEntry> recent = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && recent.size() < 20; i--) {
            recent.add(all.get(i));
        }
        return new DashboardData(statistics(all), velocity, recent, failed);
    }

    /** Rows whose content or chain link does not match: empty when the trail is intact. */
    public List<TamperFinding> verify() {
        List<AuditEntry> all = read(c -> table.query(c, "SELECT " + AuditTable.COLUMNS + " FROM " + table.name() + " ORDER BY id", 0));
        List<TamperFinding> findings = new ArrayList<>();
        String previousHash = AuditHasher.GENESIS;
        long expectedId = 1;
        for (AuditEntry e : all) {
            if (e.id() != expectedId) {
                findings.add(new TamperFinding(e.id(), "rows " + expectedId + " to " + (e.id() - 1) + " are missing"));
            }
            String expected = AuditHasher.hash(previousHash, e);
            if (!expected.equals(e.hash())) {
                findings.add(new TamperFinding(e.id(), "content or chain link does not match its hash"
                        + " (the row, or the row before it, was changed or deleted)"));
            }
            previousHash = e.hash();
            expectedId = e.id() + 1;
        }
        return findings;
    }

    static AuditStatistics statistics(List<AuditEntry> all) {
        long success = 0;
        long failed = 0;
        long running = 0;
        long rollbacks = 0;
        long rows = 0;
        long durationTotal = 0;
        long finished = 0;
        for (AuditEntry e : all) {
            switch (e.status()) {
                case AuditEntry.SUCCESS -> success++;
                case AuditEntry.FAILED -> failed++;
                default -> running++;
            }
            if (e.isRollback()) {
                rollbacks++;
            }
            rows += e.affectedRows();
            if (e.duration() != null) {
                durationTotal += e.duration().toMillis();
                finished++;
            }
        }
        double rate = success + failed == 0 ? 1.0 : (double) success / (success + failed);
        return new AuditStatistics(all.size(), success, failed, running, rollbacks, rate,
                finished == 0 ? 0 : (double) durationTotal / finished, rows);
    }

    private AuditEntry withHash(AuditEntry e, String previousHash) {
        return new AuditEntry(e.id(), e.migration(), e.direction(), e.executor(), e.environment(), e.metadata(),
                e.startedAt(), e.finishedAt(), e.status(), e.duration(), e.affectedRows(), e.sqlExecuted(), e.error(),
                AuditHasher.hash(previousHash, e));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T write(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            ensureTable(c);
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot write the migration audit log " + table.name() + ": " + e.getMessage(), e);
        }
    }

    private <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            ensureTable(c);
            return work.run(c);
        } catch (SQLException e) {
            throw new MigrationException("cannot read the migration audit log " + table.name() + ": " + e.getMessage(), e);
        }
    }

    private void ensureTable(Connection c) throws SQLException {
        if (!created) {
            table.create(c);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            created = true;
        }
    }
}
