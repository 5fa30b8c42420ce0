package dev.covet.migrations.data;

import java.time.Duration;
import java.util.Objects;

/**
 * Defaults a {@link BatchUpdate} takes from the run it is part of: the engine sets them around the migrations it
 * executes (from {@code covet.migrations.batch.*}, or {@code MigrationRunner.Builder}), so a Java migration's batch
 * job follows the application's settings without being handed them. A value set on the job itself wins.
 */
public final class BatchDefaults {

    /** The replica lag a batch job allows when neither the run nor the job says otherwise. */
    public static final Duration MAX_REPLICA_LAG = Duration.ofSeconds(5);

    private static final ThreadLocal<Duration> MAX_LAG = new ThreadLocal<>();

    private BatchDefaults() {
    }

    /** The replica lag batch jobs on this thread allow unless they set their own. */
    public static Duration maxReplicaLag() {
        Duration value = MAX_LAG.get();
        return value == null ? MAX_REPLICA_LAG : value;
    }

    /**
     * Sets the replica lag batch jobs on this thread allow until the scope is closed; used by the engine around the
     * migrations it runs. Scopes nest.
     */
    public static Scope use(Duration maxReplicaLag) {
        Objects.requireNonNull(maxReplicaLag, "maxReplicaLag");
        Duration outer = MAX_LAG.get();
        MAX_LAG.set(maxReplicaLag);
        return () -> {
            if (outer == null) {
                MAX_LAG.remove();
            } else {
                MAX_LAG.set(outer);
            }
        };
    }

    /** Restores the defaults that were in force before {@link #use}. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
