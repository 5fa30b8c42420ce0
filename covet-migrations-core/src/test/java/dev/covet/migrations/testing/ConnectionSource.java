package dev.covet.migrations.testing;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * A {@link DataSource} that opens a new connection each time, without a pool, so tests see real connection
 * behaviour; subclasses (or {@link #of}) say how a connection is opened.
 */
public abstract class ConnectionSource implements DataSource {

    /** Opens a connection. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    /** A source whose connections come from {@code opener}; {@code name} is its toString. */
    public static ConnectionSource of(String name, Opener opener) {
        return new ConnectionSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return opener.open();
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
