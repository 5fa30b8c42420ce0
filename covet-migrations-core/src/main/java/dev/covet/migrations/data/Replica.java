package dev.covet.migrations.data;

import java.util.Objects;

/**
 * A replica a {@link BatchUpdate} watches by asking it directly how far behind it is: on MySQL and MariaDB, where
 * only the replica knows ({@code Seconds_Behind_Master}). Between batches the job connects to each replica named, with
 * a short connect and query timeout, reads its status and disconnects: it holds no connection while it works or waits.
 * A PostgreSQL primary sees its standbys itself ({@code pg_stat_replication}) and needs no list.
 *
 * @param url its JDBC URL, e.g. {@code jdbc:mysql://db-replica-1:3306/shop}
 * @param user login user ({@code null}: whatever the URL says); it must be allowed to read the replication status
 *        ({@code REPLICA MONITOR} on MariaDB, {@code REPLICATION CLIENT} on MySQL)
 * @param password its password ({@code null}: none)
 */
public record Replica(String url, String user, String password) {

    public Replica {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("a replica's JDBC URL must not be blank");
        }
    }

    /** Its URL, never its password: this is what logs and messages show. */
    @Override
    public String toString() {
        return url;
    }
}
