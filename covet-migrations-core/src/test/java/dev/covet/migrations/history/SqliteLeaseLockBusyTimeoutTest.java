package dev.covet.migrations.history;

import dev.covet.migrations.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lease lock sets SQLite's busy_timeout to the time left (down to 0 ms) on the connection it borrows. From a
 * pool that connection goes back to the application, so the lock restores the application's own setting.
 */
class SqliteLeaseLockBusyTimeoutTest {

    private static final int APPLICATION_MS = 4321;

    @TempDir
    Path dir;

    @Test
    void acquiringReleasingAndTimingOutLeaveThePooledConnectionsBusyTimeoutAsItWas() throws Exception {
        try (Connection pooled = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("lock.db"))) {
            setBusyTimeout(pooled, APPLICATION_MS);
            SqliteLeaseLock lock = new SqliteLeaseLock(onePool(pooled), Dialect.forName("sqlite"), "covet_");

            MigrationLock.Held held = lock.acquire(Duration.ofMillis(50));
            assertThat(busyTimeout(pooled)).as("after acquiring").isEqualTo(APPLICATION_MS);

            assertThatThrownBy(() -> lock.acquire(Duration.ofMillis(20))).isInstanceOf(MigrationLockTimeoutException.class);
            assertThat(busyTimeout(pooled)).as("after timing out").isEqualTo(APPLICATION_MS);

            held.close();
            assertThat(busyTimeout(pooled)).as("after releasing").isEqualTo(APPLICATION_MS);
        }
    }

    private static void setBusyTimeout(Connection c, int ms) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + ms);
        }
    }

    private static int busyTimeout(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA busy_timeout")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A pool of one: every borrow gets the same real connection, and "closing" it hands it back open. */
    private static DataSource onePool(Connection connection) {
        Connection borrowed = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new DataSource() {
            @Override public Connection getConnection() { return borrowed; }
            @Override public Connection getConnection(String u, String p) { return borrowed; }
            @Override public PrintWriter getLogWriter() { return null; }
            @Override public void setLogWriter(PrintWriter out) { }
            @Override public void setLoginTimeout(int seconds) { }
            @Override public int getLoginTimeout() { return 0; }
            @Override public Logger getParentLogger() { return Logger.getGlobal(); }
            @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }
            @Override public boolean isWrapperFor(Class<?> iface) { return false; }
        };
    }
}
