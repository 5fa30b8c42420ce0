package dev.covet.migrations.internal.lock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A Galera session's {@code wsrep_sync_wait} raised to include some checks (1 reads; 2 updates and deletes; 4
 * inserts) for a while, and put back. The value before is kept here, not in a user variable on the server: a
 * load-balanced connection ({@code jdbc:mysql:loadbalance:}) may move to another node at a commit, where such a
 * variable does not exist (seen: restoring from one failed with "Incorrect argument type").
 */
public final class GaleraSyncWait implements AutoCloseable {

    private final Connection connection;
    private final long before;
    private final boolean raised;

    private GaleraSyncWait(Connection connection, long before, boolean raised) {
        this.connection = connection;
        this.before = before;
        this.raised = raised;
    }

    /** Makes the session on {@code c} wait for the cluster before the statements in {@code checks}. */
    public static GaleraSyncWait raise(Connection c, int checks) throws SQLException {
        long before;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT @@SESSION.wsrep_sync_wait")) {
            rs.next();
            before = rs.getLong(1);
        }
        if ((before & checks) == checks) {
            // already causal enough (a URL's sessionVariables=wsrep_sync_wait=7, say): nothing to set or put back
            return new GaleraSyncWait(c, before, false);
        }
        set(c, before | checks);
        return new GaleraSyncWait(c, before, true);
    }

    /** Puts the session's own value back. */
    @Override
    public void close() throws SQLException {
        if (raised) {
            set(connection, before);
        }
    }

    private static void set(Connection c, long value) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION wsrep_sync_wait = " + value);
        }
    }
}
