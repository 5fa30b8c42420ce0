package dev.covet.migrations.internal.execute;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A MySQL server session that runs a migration's statements: its id and the server it lives on. Session ids are
 * per server, so on a Galera cluster (or after a fail-over) the same id on another node is somebody else's session:
 * a resume may wait for the killed attempt's session only on the server that ran it.
 *
 * @param id {@code CONNECTION_ID()}
 * @param server {@code @@hostname:@@port}, or {@code null} for a session recorded before servers were
 */
record ServerSession(long id, String server) {

    /** The session of {@code c}, in one round trip. */
    static ServerSession of(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT CONNECTION_ID(), CONCAT(@@hostname, ':', @@port)")) {
            rs.next();
            return new ServerSession(rs.getLong(1), rs.getString(2));
        }
    }

    /** Whether this session lived on {@code other}'s server (an unknown server counts as the same, as before). */
    boolean sameServerAs(ServerSession other) {
        return server == null || other.server == null || server.equals(other.server);
    }
}
