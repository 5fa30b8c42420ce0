package dev.covet.migrations.dialect;

import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Replication lag of a PostgreSQL primary's standbys, from {@code pg_stat_replication}.
 *
 * <p>{@code replay_lag} alone is not enough: it is computed from the standby's replies, so it only moves when a
 * reply arrives ({@code wal_receiver_status_interval}, 10 s by default), and it is NULL once a standby has caught
 * up. So the probe also keeps its own samples of the primary's WAL position ({@code pg_current_wal_lsn()}) and the
 * time it first saw each: the lag is then the age of the oldest sample the slowest standby has not replayed yet.
 * With replay paused ({@code pg_wal_replay_pause()}) {@code replay_lsn} stops while the primary's position moves, and
 * that age grows with the clock, between replies too. The larger of the two is reported; a standby whose
 * {@code replay_lsn} has reached the primary's position has no lag, whatever a stale {@code replay_lag} says.
 */
final class PostgresReplicaLag implements ReplicaLag {

    // A pg_basebackup in progress is listed too (state 'backup'); it replays nothing, so it is not a replica.
    private static final String QUERY = "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0'), count(*), count(replay_lsn),"
            + " min(pg_wal_lsn_diff(replay_lsn, '0/0')), max(extract(epoch FROM replay_lag))"
            + " FROM pg_stat_replication WHERE state IS DISTINCT FROM 'backup'";

    private record Sample(long lsn, long nanos) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();
    private final LongSupplier nanoTime;
    private boolean warnedInvisible;

    PostgresReplicaLag() {
        this(System::nanoTime);
    }

    PostgresReplicaLag(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public Optional<Duration> measure(Connection primary) throws SQLException {
        long now = nanoTime.getAsLong();
        try (Statement s = primary.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            rs.next();
            long current = rs.getBigDecimal(1).longValue();
            long replicas = rs.getLong(2);
            long visible = rs.getLong(3);
            if (replicas == 0) {
                samples.clear();
                return Optional.empty();
            }
            if (visible == 0) {
                warnInvisible(primary);
                return Optional.empty();
            }
            long replayed = rs.getBigDecimal(4).longValue();
            double replayLag = rs.getDouble(5);
            if (samples.isEmpty() || samples.peekLast().lsn() < current) {
                samples.addLast(new Sample(current, now));
            }
            while (!samples.isEmpty() && samples.peekFirst().lsn() <= replayed) {
                samples.removeFirst();
            }
            if (replayed >= current) {
                return Optional.of(Duration.ZERO);
            }
            long sampled = samples.isEmpty() ? 0 : now - samples.peekFirst().nanos();
            long reported = (long) (replayLag * 1e9);
            return Optional.of(Duration.ofNanos(Math.max(sampled, reported)));
        }
    }

    // Without pg_monitor (or pg_read_all_stats) a user sees the standbys listed with every position NULL.
    private void warnInvisible(Connection primary) throws SQLException {
        if (!warnedInvisible) {
            warnedInvisible = true;
            LoggerFactory.getLogger(ReplicaLag.class).warn("cannot see the standbys' replay positions as {}: replication"
                    + " lag is not watched; GRANT pg_monitor TO that user to watch it", primary.getMetaData().getUserName());
        }
    }
}
