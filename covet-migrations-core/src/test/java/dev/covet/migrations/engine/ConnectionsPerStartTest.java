package dev.covet.migrations.engine;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start pays one connection: without a pool each is a full handshake, so finding the dialect (and on SQLite its
 * version) happens on the connection the run uses, not on extra ones.
 */
class ConnectionsPerStartTest {

    @TempDir
    Path dir;

    @AllDatabases
    void aStartWithNothingPendingOpensOneConnectionEvenWithoutAConfiguredDialect(DatabaseKind kind) throws Exception {
        Files.writeString(dir.resolve("0001_accounts.yaml"), """
                operations:
                  - type: CREATE_TABLE
                    table: accounts
                    columns:
                      - {name: id, type: BIGINT, nullable: false, primary_key: true}
                """);
        try (TestDatabase db = kind.create()) {
            MigrationRunner.builder(db.dataSource()).dialect(db.dialect()).locations("filesystem:" + dir).build().migrate();

            CountingDataSource counting = new CountingDataSource(db.dataSource());
            MigrationRunner detecting = MigrationRunner.builder(counting).locations("filesystem:" + dir).build();
            assertThat(detecting.migrate().applied()).isEmpty();
            assertThat(counting.opened.get()).isEqualTo(1);
        }
    }

    /** Counts the connections a real data source hands out. */
    private static final class CountingDataSource implements DataSource {
        private final DataSource target;
        private final AtomicInteger opened = new AtomicInteger();

        CountingDataSource(DataSource target) {
            this.target = target;
        }

        @Override public Connection getConnection() throws SQLException {
            opened.incrementAndGet();
            return target.getConnection();
        }
        @Override public Connection getConnection(String user, String password) throws SQLException {
            opened.incrementAndGet();
            return target.getConnection(user, password);
        }
        @Override public PrintWriter getLogWriter() { return null; }
        @Override public void setLogWriter(PrintWriter out) { }
        @Override public void setLoginTimeout(int seconds) { }
        @Override public int getLoginTimeout() { return 0; }
        @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
        @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }
        @Override public boolean isWrapperFor(Class<?> iface) { return false; }
    }
}
