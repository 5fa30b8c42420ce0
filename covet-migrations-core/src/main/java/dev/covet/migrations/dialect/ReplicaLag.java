package dev.covet.migrations.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * How far behind the primary its replicas are, as seen from a connection to the primary. A probe may keep state
 * between calls (what the primary had written when), so each batch job asks its dialect for a new one
 * ({@link Dialect#replicaLag()}).
 */
@FunctionalInterface
public interface ReplicaLag {

    /** A probe that sees no replicas: nothing to wait for. */
    ReplicaLag NONE = c -> Optional.empty();

    /**
     * The lag of the slowest replica now, or empty when the connection shows no replica (none attached, or not
     * visible to this user). Runs queries in the connection's current transaction; the caller ends it.
     */
    Optional<Duration> measure(Connection primary) throws SQLException;
}
