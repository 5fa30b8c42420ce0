package dev.covet.migrations.internal.tenant;

import dev.covet.migrations.internal.jdbc.DelegatingConnection;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A connection of a shared server switched to one tenant's schema or database; closing it switches it back first,
 * so a pool's connection goes back to the pool as the application left it. Everything else goes to the driver's
 * connection.
 */
final class ScopedConnection extends DelegatingConnection {

    /** Switches a connection back to where it was before it was scoped. */
    @FunctionalInterface
    interface Restore {
        void run(Connection connection) throws SQLException;
    }

    private final Restore restore;

    ScopedConnection(Connection delegate, Restore restore) {
        super(delegate);
        this.restore = restore;
    }

    /** Switches the connection back to where it was, then closes it (a pooled one then returns to its pool as it came). */
    @Override
    public void close() throws SQLException {
        if (delegate.isClosed()) {
            return;
        }
        try {
            restore.run(delegate);
        } finally {
            delegate.close();
        }
    }

    @Override
    public String toString() {
        return "tenant connection (" + delegate + ")";
    }
}
