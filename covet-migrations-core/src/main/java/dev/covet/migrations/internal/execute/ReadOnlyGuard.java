package dev.covet.migrations.internal.execute;

import dev.covet.migrations.MigrationException;
import dev.covet.migrations.dialect.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Refuses a writing command (migrate, rollback, repair, baseline) on a database that accepts no writes, before the
 * lock is taken or the history table created: pointed at a hot standby, Covet would otherwise wait for a lock or die
 * inside the first migration with the server's "cannot execute ... in a read-only transaction".
 */
final class ReadOnlyGuard {

    private ReadOnlyGuard() {
    }

    static void refuse(Dialect dialect, Connection c, String command) throws SQLException {
        Optional<String> reason = dialect.readOnly(c);
        if (reason.isPresent()) {
            throw new MigrationException("cannot " + command + ": the database at " + where(c) + " " + reason.get()
                    + "; nothing was locked or written");
        }
    }

    /** The connection's URL without its query string, which may hold a password. */
    private static String where(Connection c) throws SQLException {
        String url = c.getMetaData().getURL();
        int query = url == null ? -1 : url.indexOf('?');
        return query < 0 ? String.valueOf(url) : url.substring(0, query);
    }
}
