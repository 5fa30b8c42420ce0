package dev.covet.migrations.audit;

import dev.covet.migrations.internal.audit.AuditHasher;
import dev.covet.migrations.internal.audit.AuditHead;
import dev.covet.migrations.internal.audit.AuditTable;
import dev.covet.migrations.internal.audit.Interruption;
import dev.covet.migrations.Direction;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.RepairChange;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.dialect.LockWaits;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.util.function.Function;
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

    /** How long a write is retried while other connections hold locks, unless told otherwise. */
    private static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(60);

    private final DataSource dataSource;
    private final AuditTable table;
    private final AuditHead head;
    private final Clock clock;
    private final Duration writeTimeout;
    private final LockWaits lockWaits;
    /** Whether this log made sure of its table, and of the head anchor (only writes create that). */
    private volatile boolean tableCreated;
    private volatile boolean headCreated;

    public MigrationAuditLog(DataSource dataSource, Dialect dialect, String tablePrefix) {
        this(dataSource, dialect, tablePrefix, Clock.systemUTC());
    }

    public MigrationAuditLog(DataSource dataSource, Dialect dialect, String tablePrefix, Clock clock) {
        this(dataSource, dialect, tablePrefix, clock, DEFAULT_WRITE_TIMEOUT);
    }

    /**
     * @param writeTimeout how long a write is retried while other connections hold locks (give it the lock
     *        timeout); a write that still cannot be made fails, it is never dropped
     */
    public MigrationAuditLog(DataSource dataSource, Dialect dialect, String tablePrefix, Clock clock, Duration writeTimeout) {
        this.dataSource = dataSource;
        this.table = new AuditTable(dialect, tablePrefix);
        this.head = new AuditHead(dialect, tablePrefix, table.name());
        this.clock = clock;
        this.writeTimeout = writeTimeout;
        this.lockWaits = dialect.lockWaits();
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

    /**
     * Records one change {@code covet repair} made to the history, complete at once: status {@code REPAIRED},
     * direction {@code UP} (the direction column is four characters wide), what changed as its only statement.
     *
     * @return the audit id
     */
    public long recordRepair(RepairChange change, String executor, String environment, Map<String, String> metadata) {
        return write(c -> {
            AuditEntry last = table.last(c);
            long id = last == null ? 1 : last.id() + 1;
            Instant now = now();
            AuditEntry entry = new AuditEntry(id, change.id().toString(), Direction.UP.name(), executor, environment,
                    metadata == null || metadata.isEmpty() ? null : JSON.writeValueAsString(new TreeMap<>(metadata)),
                    now, now, AuditEntry.REPAIRED, Duration.ZERO, 0, List.of("repair: " + change.describe()), null, "");
            table.insert(c, withHash(entry, last == null ? AuditHasher.GENESIS : last.hash()));
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

    /**
     * Closes the RUNNING rows of executions whose process died as INTERRUPTED, with what is known of what ran. Call
     * it only while holding the migration lock: every execution runs under that lock, so a RUNNING row found then
     * belongs to a dead attempt. Rows after a closed one are re-linked to its new hash in the same transaction, as
     * long as their links were intact (a broken chain is left for {@link #verify()} to report).
     *
     * @param whatIsKnown what is known of a migration (by its audit name, {@code app:name} or {@code name})
     * @return how many rows were closed
     */
    public int closeInterrupted(Function<String, Interruption> whatIsKnown, String closedBy) {
        // Nearly every start finds none: a read, then, and no write transaction.
        if (read(c -> table.query(c, "SELECT " + AuditTable.COLUMNS + " FROM " + table.name() + " WHERE status = ?", 1,
                AuditEntry.RUNNING)).isEmpty()) {
            return 0;
        }
        return write(c -> {
            List<AuditEntry> running = table.query(c, "SELECT " + AuditTable.COLUMNS + " FROM " + table.name()
                    + " WHERE status = ? ORDER BY id", 0, AuditEntry.RUNNING);
            if (running.isEmpty()) {
                return 0;
            }
            List<AuditEntry> rest = table.query(c, "SELECT " + AuditTable.COLUMNS + " FROM " + table.name()
                    + " WHERE id >= ? ORDER BY id", 0, running.get(0).id());
            AuditEntry before = table.before(c, running.get(0).id());
            String oldPrevious = before == null ? AuditHasher.GENESIS : before.hash();
            String newPrevious = oldPrevious;
            int closed = 0;
            Instant now = now();
            for (AuditEntry e : rest) {
                if (!AuditHasher.hash(oldPrevious, e).equals(e.hash())) {
                    LoggerFactory.getLogger(MigrationAuditLog.class).warn("audit row {} does not match its hash:"
                            + " interrupted rows after it are left RUNNING (see covet audit --verify)", e.id());
                    return closed;
                }
                oldPrevious = e.hash();
                AuditEntry next = e;
                if (AuditEntry.RUNNING.equals(e.status())) {
                    Interruption known = whatIsKnown.apply(e.migration());
                    next = new AuditEntry(e.id(), e.migration(), e.direction(), e.executor(), e.environment(), e.metadata(),
                            e.startedAt(), now, AuditEntry.INTERRUPTED, null, e.affectedRows(), known.statementsRun(),
                            "interrupted: the process running it stopped before it finished (closed by " + closedBy
                                    + " at its next start). " + known.known(), "");
                    closed++;
                }
                AuditEntry hashed = withHash(next, newPrevious);
                table.complete(c, hashed);
                newPrevious = hashed.hash();
            }
            return closed;
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
        findings.addAll(read(c -> checkHead(c, all)));
        return findings;
    }

    /** The chain's end against the head anchored outside the table: finds the newest rows deleted, or all of them. */
    private List<TamperFinding> checkHead(Connection c, List<AuditEntry> all) throws SQLException {
        AuditHead.Head anchored = head.exists(c) ? head.read(c) : null;
        AuditEntry last = all.isEmpty() ? null : all.get(all.size() - 1);
        if (anchored == null) {
            return all.isEmpty() ? List.of() : List.of(new TamperFinding(0, "the head of the trail anchored in " + head.name()
                    + " is missing (deleted, or the trail was written by a Covet version before 0.1 and no migration ran"
                    + " since): whether the newest rows were deleted cannot be checked"));
        }
        List<TamperFinding> findings = new ArrayList<>();
        long lastId = last == null ? 0 : last.id();
        if (anchored.rows() > 0 && all.isEmpty()) {
            findings.add(new TamperFinding(anchored.lastId(), "all " + anchored.rows() + " rows were deleted (the head anchored"
                    + " in " + head.name() + " records " + anchored.rows() + " rows up to id " + anchored.lastId() + ")"));
        } else if (anchored.lastId() > lastId) {
            findings.add(new TamperFinding(lastId + 1, "the newest rows " + (lastId + 1) + " to " + anchored.lastId()
                    + " were deleted (the head anchored in " + head.name() + " records rows up to id " + anchored.lastId() + ")"));
        } else if (anchored.lastId() < lastId) {
            findings.add(new TamperFinding(lastId, "rows after id " + anchored.lastId() + " were added outside Covet (the head"
                    + " anchored in " + head.name() + " ends there)"));
        } else if (last != null && !anchored.lastHash().equals(last.hash())) {
            findings.add(new TamperFinding(lastId, "the newest row does not match the head anchored in " + head.name()
                    + " (it was changed or replaced)"));
        }
        if (findings.isEmpty() && anchored.rows() != all.size()) {
            findings.add(new TamperFinding(lastId, "the trail has " + all.size() + " rows, the head anchored in " + head.name()
                    + " records " + anchored.rows()));
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
                case AuditEntry.FAILED, AuditEntry.INTERRUPTED -> failed++;
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

    /**
     * Runs a write in a transaction of its own, with the head anchor recorded in the same transaction. Retried while
     * other connections hold locks, up to the write timeout (on SQLite, busy waits count against it too); a write
     * that still fails throws: an audit row is never dropped silently.
     */
    private <T> T write(Work<T> work) {
        long deadline = System.nanoTime() + writeTimeout.toNanos();
        long backoffMs = 5;
        while (true) {
            try {
                return writeOnce(work, deadline);
            } catch (SQLException e) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (!lockWaits.retryable(e) || left <= 0) {
                    throw new MigrationException("cannot write the migration audit log " + table.name() + ": " + e.getMessage()
                            + (lockWaits.retryable(e) ? " (still locked after retrying for " + writeTimeout.toMillis()
                            + " ms; raise covet.migrations.lock-timeout)" : ""), e);
                }
                sleep(Math.min(backoffMs, left));
                backoffMs = Math.min(200, backoffMs * 2);
            }
        }
    }

    private <T> T writeOnce(Work<T> work, long deadline) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            // SQLite waits per connection, from the start; the others bound row-lock waits in the transaction below.
            try (LockWaits.Restore connectionWait = lockWaits.connectionWait(c, remaining(deadline))) {
                ensureTables(c);
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                try (LockWaits.Restore transactionWait = lockWaits.transactionWait(c, remaining(deadline))) {
                    T result = work.run(c);
                    head.record(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(autoCommit);
                }
            }
        }
    }

    /** What is left until the deadline, at least a millisecond (no wait at all would mean "forever" to some). */
    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while writing the migration audit log", e);
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
        if (!tableCreated) {
            table.create(c);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            tableCreated = true;
        }
    }

    /**
     * The audit table and its head anchor. Only writes create the anchor: a read that recreated a deleted one from
     * the table as it stands would hide the deletion it is there to show.
     */
    private void ensureTables(Connection c) throws SQLException {
        ensureTable(c);
        if (!headCreated) {
            head.create(c);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            headCreated = true;
        }
    }
}
