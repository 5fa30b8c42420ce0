package dev.covet.migrations.engine;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.testing.ConnectionSource;
import dev.covet.migrations.testing.OneConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On SQLite a run gives its connection the lock timeout as busy timeout; a pooled connection must go back to the
 * application with its own setting.
 */
class PooledConnectionSettingsTests {

    @TempDir
    Path dir;

    @Test
    void aRunLeavesThePooledConnectionsBusyTimeoutAsItWas() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_accounts.yaml"), """
                operations:
                  - type: CREATE_TABLE
                    table: accounts
                    columns:
                      - {name: id, type: BIGINT, nullable: false, primary_key: true}
                """);
        String url = "jdbc:sqlite:" + dir.resolve("app.db");
        MigrationRunner.builder(ConnectionSource.of(url, () -> DriverManager.getConnection(url)))
                .locations("filesystem:" + migrations).build().migrate();
        try (Connection pooled = DriverManager.getConnection(url)) {
            execute(pooled, "PRAGMA busy_timeout = 4321");
            MigrationRunner runner = MigrationRunner.builder(OneConnectionPool.of(pooled)).lockTimeout(Duration.ofMillis(250))
                    .locations("filesystem:" + migrations).build();
            assertThat(runner.migrate().applied()).isEmpty();
            assertThat(busyTimeout(pooled)).isEqualTo(4321);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int busyTimeout(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA busy_timeout")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
