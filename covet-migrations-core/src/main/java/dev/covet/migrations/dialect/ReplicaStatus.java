package dev.covet.migrations.dialect;

import java.time.Duration;

/**
 * What a replica says about its own replication, asked on a connection to the replica itself
 * ({@link Dialect#replicaStatus(java.sql.Connection)}): on MySQL and MariaDB only the replica knows how far behind it
 * is.
 */
public sealed interface ReplicaStatus {

    /** Replicating, {@code lag} behind its primary. */
    record Behind(Duration lag) implements ReplicaStatus {
    }

    /**
     * Replication does not run (its IO or SQL thread stopped): how far behind it is cannot be known, and it falls
     * further behind with every write.
     *
     * @param why what the replica says (the threads' states, the last error)
     */
    record Stopped(String why) implements ReplicaStatus {
    }

    /** The server replicates from no primary: it was named as a replica by mistake (the primary itself, perhaps). */
    record NotAReplica() implements ReplicaStatus {
    }
}
