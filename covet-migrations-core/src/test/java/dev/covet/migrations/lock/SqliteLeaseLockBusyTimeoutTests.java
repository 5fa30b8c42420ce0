package dev.covet.migrations.lock;

import dev.covet.migrations.dialect.SqliteDialect;
import dev.covet.migrations.testing.OneConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lease lock sets SQLite's busy_timeout to the time left (down to 0 ms) on the connection it borrows. From a
 * pool that connection goes back to the application, so the lock restores the application's own setting.
 */
class SqliteLeaseLockBusyTimeoutTests {

    private static final int APPLICATION_MS = 4321;

    @TempDir
    Path dir;

    @Test
    void acquiringReleasingAndTimingOutLeaveThePooledConnectionsBusyTimeoutAsItWas() throws Exception {
        try (Connection pooled = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("lock.db"))) {
            setBusyTimeout(pooled, APPLICATION_MS);
            MigrationLock lock = new SqliteDialect().lock(OneConnectionPool.of(pooled), "covet_");

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
}
