package dev.covet.migrations.data;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Defaults a {@link BatchUpdate} takes from the run it is part of: the engine sets them around the migrations it
 * executes (from {@code covet.migrations.batch.*}, or {@code MigrationRunner.Builder}), so a Java migration's batch
 * job follows the application's settings without being handed them. A value set on the job itself wins.
 */
public final class BatchDefaults {

    /** The replica lag a batch job allows when neither the run nor the job says otherwise. */
    public static final Duration MAX_REPLICA_LAG = Duration.ofSeconds(5);

    private record Values(Duration maxReplicaLag, List<Replica> replicas) {
    }

    private static final ThreadLocal<Values> VALUES = new ThreadLocal<>();

    private BatchDefaults() {
    }

    /** The replica lag batch jobs on this thread allow unless they set their own. */
    public static Duration maxReplicaLag() {
        Values values = VALUES.get();
        return values == null ? MAX_REPLICA_LAG : values.maxReplicaLag();
    }

    /** The replicas batch jobs on this thread ask for their lag unless they name their own (default none). */
    public static List<Replica> replicas() {
        Values values = VALUES.get();
        return values == null ? List.of() : values.replicas();
    }

    /**
     * Sets the replica lag batch jobs on this thread allow until the scope is closed, naming no replicas. Scopes nest.
     */
    public static Scope use(Duration maxReplicaLag) {
        return use(maxReplicaLag, List.of());
    }

    /**
     * Sets the replica lag batch jobs on this thread allow, and the replicas they ask for it, until the scope is
     * closed; used by the engine around the migrations it runs. Scopes nest.
     */
    public static Scope use(Duration maxReplicaLag, List<Replica> replicas) {
        Objects.requireNonNull(maxReplicaLag, "maxReplicaLag");
        Values outer = VALUES.get();
        VALUES.set(new Values(maxReplicaLag, List.copyOf(replicas)));
        return () -> {
            if (outer == null) {
                VALUES.remove();
            } else {
                VALUES.set(outer);
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
