package dev.covet.migrations.data;

import dev.covet.migrations.internal.data.BatchProgressTable;
import dev.covet.migrations.internal.data.LagProbe;
import dev.covet.migrations.internal.data.ReplicaWatch;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.dialect.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Updates a big table in key-ordered batches, each committed on its own with the job's progress, so the table is
 * never locked for the whole job and a crash resumes after the last finished batch (every row done once).
 *
 * <pre>{@code
 * BatchUpdate.of(dialect, "backfill_full_name", "customers", "id")
 *     .set("full_name = first_name || ' ' || last_name")
 *     .where("full_name IS NULL")
 *     .batchSize(5_000)
 *     .run(connection);
 * }</pre>
 * Between batches the job watches its replicas and waits while the slowest is more than
 * {@link #maxReplicaLag(Duration)} behind (5 s by default), so a backfill does not drown them: a PostgreSQL primary's
 * standbys as the primary sees them ({@link Dialect#replicaLag()}); on MySQL and MariaDB, whose primary cannot see its
 * replicas' lag, the replicas named with {@link #replicas(List)}, each asked directly.
 * Use it from a {@link dev.covet.migrations.JavaMigration} whose {@code transactional()} returns false. The key
 * column must be unique and increasing (the primary key). {@code set} and {@code where} are SQL written by the
 * developer in code, never read from files.
 */
public final class BatchUpdate {

    private static final Logger log = LoggerFactory.getLogger(BatchUpdate.class);

    private final Dialect dialect;
    private final String job;
    private final String table;
    private final String keyColumn;
    private String set;
    private String where;
    private int batchSize = 1_000;
    private Duration pause = Duration.ZERO;
    private String tablePrefix = "covet_";
    private Consumer<BatchProgress> progress = p -> log.info("{}", p);
    private Duration maxReplicaLag;
    private List<Replica> replicas;
    private Duration maxReplicaWait = Duration.ofMinutes(15);
    private Duration replicaPoll = Duration.ofMillis(500);
    private Consumer<ReplicaWait> replicaWait = w -> { };

    private BatchUpdate(Dialect dialect, String job, String table, String keyColumn) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.job = Objects.requireNonNull(job, "job");
        this.table = dialect.quote(table);
        this.keyColumn = dialect.quote(keyColumn);
    }

    /**
     * A batch job.
     *
     * @param job a name unique to this job: its progress is stored under it
     * @param table the table to update
     * @param keyColumn its unique, ordered key (usually the primary key)
     */
    public static BatchUpdate of(Dialect dialect, String job, String table, String keyColumn) {
        return new BatchUpdate(dialect, job, table, keyColumn);
    }

    /** The SET clause, e.g. {@code full_name = first_name || ' ' || last_name}. */
    public BatchUpdate set(String assignments) {
        this.set = assignments;
        return this;
    }

    /** An extra condition on the rows to update. */
    public BatchUpdate where(String condition) {
        this.where = condition;
        return this;
    }

    /** Rows per batch (default 1,000). */
    public BatchUpdate batchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + size);
        }
        this.batchSize = size;
        return this;
    }

    /** A pause between batches, to leave room for the application's own work (default none). */
    public BatchUpdate pause(Duration value) {
        this.pause = Objects.requireNonNull(value);
        return this;
    }

    /** Prefix of the progress table ({@code <prefix>batch_progress}, default {@code covet_}). */
    public BatchUpdate tablePrefix(String value) {
        this.tablePrefix = value;
        return this;
    }

    /** Where progress goes after each batch (default: the log). */
    public BatchUpdate onProgress(Consumer<BatchProgress> listener) {
        this.progress = Objects.requireNonNull(listener);
        return this;
    }

    /**
     * How far behind the primary its replicas may fall before the job waits between batches; {@link Duration#ZERO}
     * does not watch them. Default: the run's ({@code covet.migrations.batch.max-replica-lag}), else 5 s
     * ({@link BatchDefaults}).
     */
    public BatchUpdate maxReplicaLag(Duration value) {
        this.maxReplicaLag = nonNegative(value, "max replica lag");
        return this;
    }

    /**
     * The replicas to ask for their lag between batches, on MySQL and MariaDB (their primary cannot see it): the job
     * waits while the slowest is more than {@link #maxReplicaLag(Duration)} behind, and while one does not replicate
     * (its replication stopped) or cannot be reached. An empty list watches none. Default: the run's
     * ({@code covet.migrations.batch.replicas}), else none. A PostgreSQL primary shows its standbys itself and does not
     * need them.
     */
    public BatchUpdate replicas(List<Replica> value) {
        this.replicas = List.copyOf(value);
        return this;
    }

    /**
     * How long the job waits in a row for lagging replicas before it fails (default 15 min). The job's progress is
     * saved, so the next run resumes after the last finished batch.
     */
    public BatchUpdate maxReplicaWait(Duration value) {
        this.maxReplicaWait = nonNegative(value, "max replica wait");
        return this;
    }

    /** The first interval between two looks at the replicas' lag while waiting; it doubles up to 10 s (default 500 ms). */
    public BatchUpdate replicaPollInterval(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("replica poll interval must be positive, was " + value);
        }
        this.replicaPoll = value;
        return this;
    }

    /** Told each time the job pauses for its replicas (besides the log). */
    public BatchUpdate onReplicaWait(Consumer<ReplicaWait> listener) {
        this.replicaWait = Objects.requireNonNull(listener);
        return this;
    }

    private static Duration nonNegative(Duration value, String what) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + value);
        }
        return value;
    }

    /**
     * Runs (or resumes) the job on the connection, committing after each batch.
     *
     * @return rows updated in all, including earlier attempts
     */
    public long run(Connection c) throws SQLException {
        if (set == null || set.isBlank()) {
            throw new IllegalStateException("batch job " + job + ": set(...) is required");
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            BatchProgressTable progressTable = new BatchProgressTable(dialect, tablePrefix);
            progressTable.create(c);
            BatchProgressTable.State state = progressTable.load(c, job);
            c.commit();
            if (state.finished()) {
                log.info("{}: already finished ({} rows)", job, state.rowsDone());
                return state.rowsDone();
            }
            long total = state.rowsDone() + count(c, state.lastKey());
            long done = state.rowsDone();
            Object lastKey = state.lastKey();
            long start = System.nanoTime();
            int batches = 0;
            int estimatedBatches = (int) Math.ceil((total - done) / (double) batchSize);
            ReplicaWatch replicas = new ReplicaWatch(job,
                    LagProbe.forJob(job, dialect, this.replicas != null ? this.replicas : BatchDefaults.replicas()),
                    new ReplicaWatch.Settings(maxReplicaLag != null ? maxReplicaLag : BatchDefaults.maxReplicaLag(),
                            maxReplicaWait, replicaPoll), replicaWait);
            while (true) {
                if (batches > 0) {
                    replicas.await(c, batches, Math.max(batches, estimatedBatches));
                }
                Object upper = upperBound(c, lastKey);
                if (upper == null) {
                    progressTable.save(c, job, lastKey, done, true);
                    c.commit();
                    break;
                }
                long updated = update(c, lastKey, upper);
                done += updated;
                AffectedRows.add(updated);
                lastKey = upper;
                progressTable.save(c, job, lastKey, done, false);
                c.commit();
                batches++;
                progress.accept(new BatchProgress(job, done, Math.max(total, done), batches,
                        Duration.ofNanos(System.nanoTime() - start)));
                if (!pause.isZero()) {
                    sleep();
                }
            }
            return done;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private String condition(Object lastKey) {
        String range = lastKey == null ? "1 = 1" : keyColumn + " > ?";
        return where == null ? range : range + " AND (" + where + ")";
    }

    private long count(Connection c, Object lastKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + condition(lastKey))) {
            bind(ps, lastKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The key that ends the next batch: the batchSize-th key after lastKey, or the last key when fewer remain. */
    private Object upperBound(Connection c, Object lastKey) throws SQLException {
        String range = lastKey == null ? "" : " WHERE " + keyColumn + " > ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(k) FROM (SELECT " + keyColumn + " AS k FROM " + table
                + range + " ORDER BY " + keyColumn + " LIMIT " + batchSize + ") batch")) {
            bind(ps, lastKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }

    private long update(Connection c, Object lastKey, Object upper) throws SQLException {
        String range = (lastKey == null ? "" : keyColumn + " > ? AND ") + keyColumn + " <= ?";
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + set + " WHERE " + range
                + (where == null ? "" : " AND (" + where + ")"))) {
            int i = 1;
            if (lastKey != null) {
                ps.setObject(i++, lastKey);
            }
            ps.setObject(i, upper);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object lastKey) throws SQLException {
        if (lastKey != null) {
            ps.setObject(1, lastKey);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("batch job " + job + " interrupted; it resumes on the next run");
        }
    }
}
