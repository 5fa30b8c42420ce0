package dev.covet.migrations.internal.data;

import dev.covet.migrations.MigrationException;
import dev.covet.migrations.data.ReplicaWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Holds a batch job between batches while its replicas are further behind than it allows, or a replica it was told
 * of cannot say how far behind it is (replication stopped, unreachable), so a backfill does not outrun them. Polls the
 * lag with a growing interval (doubling up to {@link #MAX_POLL}), reports each poll, and gives up after the maximum
 * wait with a failure: the job's progress is saved, so the next run resumes where it stopped.
 * A probe that fails (a user who may not read the statistics, a server without them) stops the watching with a
 * warning rather than the job.
 */
public final class ReplicaWatch {

    // Under the job's logger: what users configure to see a batch job's progress shows its waits too.
    private static final Logger log = LoggerFactory.getLogger("dev.covet.migrations.data.BatchUpdate");
    static final Duration MAX_POLL = Duration.ofSeconds(10);

    /** How a job watches its replicas; a zero {@code maxLag} switches watching off. */
    public record Settings(Duration maxLag, Duration maxWait, Duration poll) {
    }

    private final String job;
    private final LagProbe probe;
    private final Settings settings;
    private final Consumer<ReplicaWait> listener;
    private boolean broken;

    public ReplicaWatch(String job, LagProbe probe, Settings settings, Consumer<ReplicaWait> listener) {
        this.job = job;
        this.probe = probe;
        this.settings = settings;
        this.listener = listener;
    }

    /**
     * Returns once the replicas are within the allowed lag (at once when watching is off or no replica is seen).
     * Ends the connection's transaction after each probe, so no snapshot is held while waiting.
     *
     * @throws MigrationException when the replicas are still behind after the maximum wait, or on interrupt
     */
    public void await(Connection c, int batch, int batches) throws SQLException {
        if (settings.maxLag().isZero() || broken) {
            return;
        }
        long start = System.nanoTime();
        Duration poll = settings.poll();
        boolean waited = false;
        while (true) {
            LagReading reading = measure(c);
            Duration lag = reading.lag().orElse(Duration.ZERO);
            Duration sofar = Duration.ofNanos(System.nanoTime() - start);
            if (!reading.behind(settings.maxLag())) {
                if (waited) {
                    log.info("{}: replicas caught up (lag {} ms) after {} s; resuming", job, lag.toMillis(), sofar.toSeconds());
                }
                return;
            }
            if (sofar.compareTo(settings.maxWait()) >= 0) {
                throw new MigrationException(gaveUp(reading, sofar, batch));
            }
            ReplicaWait wait = new ReplicaWait(job, lag, settings.maxLag(), batch, batches, sofar, reading.problems());
            if (waited) {
                log.info("{}", wait);
            } else {
                log.warn("{}", wait);
            }
            waited = true;
            listener.accept(wait);
            sleep(min(poll, settings.maxWait().minus(sofar)));
            poll = min(poll.multipliedBy(2), MAX_POLL);
        }
    }

    private String gaveUp(LagReading reading, Duration sofar, int batch) {
        String stopped = "; stopped after batch " + batch + ", the next run resumes there";
        if (reading.problems().isEmpty()) {
            return "batch job " + job + ": replicas still " + reading.lag().orElse(Duration.ZERO).toSeconds()
                    + " s behind (more than " + settings.maxLag().toMillis() + " ms) after waiting " + sofar.toSeconds()
                    + " s" + stopped;
        }
        return "batch job " + job + ": replicas still behind after waiting " + sofar.toSeconds() + " s: "
                + String.join("; ", reading.problems()) + stopped + " once they replicate again (start replication,"
                + " make them reachable, or leave them out of the job's replicas: covet.migrations.batch.replicas)";
    }

    private LagReading measure(Connection c) throws SQLException {
        try {
            LagReading reading = probe.measure(c);
            c.commit();
            return reading;
        } catch (SQLException e) {
            c.rollback();
            broken = true;
            log.warn("{}: cannot read the replicas' lag ({}); not watching it for the rest of this job", job, e.getMessage());
            return LagReading.of(Optional.empty());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("batch job " + job + " interrupted while waiting for replicas; it resumes on the next run");
        }
    }
}
