package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.MigrationStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The runner's {@link MigrationStatus}, read at most once per time-to-live. Gauges and the health indicator
 * are polled often; reading the files and the history table on every poll would load the database for
 * nothing. (It is deliberately not a listener of the runner: that would make the runner depend on a bean that
 * depends on the runner.)
 */
public class MigrationStatusCache {

    private final MigrationRunner runner;
    private final Duration timeToLive;
    private final Clock clock;
    private volatile Snapshot snapshot;

    /**
     * Creates the cache.
     *
     * @param runner the runner to ask
     * @param timeToLive how long a status is reused
     */
    public MigrationStatusCache(MigrationRunner runner, Duration timeToLive) {
        this(runner, timeToLive, Clock.systemUTC());
    }

    MigrationStatusCache(MigrationRunner runner, Duration timeToLive, Clock clock) {
        this.runner = runner;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    /**
     * The status, read again when the cached one expired.
     *
     * @return the status
     * @throws RuntimeException when the status cannot be read
     */
    public MigrationStatus get() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.readAt().plus(timeToLive).isBefore(now)) {
            current = new Snapshot(runner.status(), now);
            snapshot = current;
        }
        return current.status();
    }

    /** Forgets the cached status. */
    public void invalidate() {
        snapshot = null;
    }

    private record Snapshot(MigrationStatus status, Instant readAt) {
    }
}
