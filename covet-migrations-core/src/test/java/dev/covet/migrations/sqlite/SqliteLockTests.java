package dev.covet.migrations.sqlite;

import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.dialect.SqliteDialect;
import dev.covet.migrations.lock.MigrationLock;
import dev.covet.migrations.lock.MigrationLockTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Another connection holding the database: the migration waits up to the lock timeout (500 ms here), then
 * fails with advice and changes nothing; once the other connection lets go, it applies.
 */
class SqliteLockTests {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    /** A sub-second timeout, and the most it may take in all: well under the one second SQLite used to wait at least. */
    private static final Duration SHORT = Duration.ofMillis(200);
    private static final long SHORT_UPPER_BOUND_MS = 900;

    @TempDir
    Path tempDir;

    private SqliteFixture db;
    private MigrationRunner runner;

    @BeforeEach
    void createShop() throws SQLException {
        db = new SqliteFixture(tempDir);
        runner = db.runner(new SqliteDialect(true), TIMEOUT);
        db.write("shop", ShopSchema.MIGRATION);
        runner.migrate();
        ShopSchema.insertRows(db);
        db.write("name_nullable", """
                operations:
                  - {type: ALTER_COLUMN, table: customers, column: {name: name, type: VARCHAR(100), nullable: true}}
                """);
    }

    @Test
    void anExclusiveLockIsWaitedForThenReported() throws SQLException {
        assertLockedRunFailsThenSucceeds("BEGIN EXCLUSIVE");
    }

    @Test
    void anOpenWriteTransactionIsWaitedForThenReported() throws SQLException {
        assertLockedRunFailsThenSucceeds("BEGIN IMMEDIATE");
    }

    @Test
    void aSubSecondTimeoutIsHonouredWhileAnotherConnectionWrites() throws SQLException {
        MigrationRunner quick = db.runner(new SqliteDialect(true), SHORT);
        long waitedMs;
        try (Connection other = db.connect(); Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("INSERT INTO regions (id, label) VALUES (3, 'held')");
            long started = System.nanoTime();
            assertThatThrownBy(quick::migrate).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("database is locked by another connection; waited ")
                    .hasMessageContaining("close the other connection or raise covet.migrations.lock-timeout");
            waitedMs = (System.nanoTime() - started) / 1_000_000;
            s.execute("ROLLBACK");
        }
        assertThat(waitedMs).as("waited for the 200 ms lock timeout, not more").isBetween(SHORT.toMillis(), SHORT_UPPER_BOUND_MS);
        assertThat(quick.status().pending()).hasSize(1);
    }

    @Test
    void aSubSecondTimeoutIsHonouredWhileAnotherRunnerHoldsTheMigrationLock() throws SQLException {
        MigrationRunner quick = db.runner(new SqliteDialect(true), SHORT);
        long waitedMs;
        try (MigrationLock.Held ignored = new SqliteDialect().lock(db.dataSource(), "covet_")
                .acquire(Duration.ofSeconds(5))) {
            long started = System.nanoTime();
            assertThatThrownBy(quick::migrate).isInstanceOf(MigrationLockTimeoutException.class)
                    .hasMessageContaining("waited 200 ms for the migration lock, held by process " + ProcessHandle.current().pid())
                    .hasMessageContaining("raise covet.migrations.lock-timeout");
            waitedMs = (System.nanoTime() - started) / 1_000_000;
        }
        assertThat(waitedMs).as("waited for the 200 ms lock timeout, not more").isBetween(SHORT.toMillis(), SHORT_UPPER_BOUND_MS);
        assertThat(quick.migrate().applied()).hasSize(1);
    }

    private void assertLockedRunFailsThenSucceeds(String begin) throws SQLException {
        List<String> master = db.masterSql();
        List<String> rows = db.rows(ShopSchema.CUSTOMER_ROWS);
        long started;
        long waitedMs;
        try (Connection other = db.connect(); Statement s = other.createStatement()) {
            s.execute(begin);
            s.execute("INSERT INTO regions (id, label) VALUES (3, 'held')");
            started = System.nanoTime();
            assertThatThrownBy(runner::migrate).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("database is locked by another connection; waited ")
                    .hasMessageContaining("close the other connection or raise covet.migrations.lock-timeout");
            waitedMs = (System.nanoTime() - started) / 1_000_000;
            s.execute("ROLLBACK");
        }
        assertThat(waitedMs).as("waited for the lock before failing").isGreaterThanOrEqualTo(TIMEOUT.toMillis());
        assertThat(db.masterSql()).isEqualTo(master);
        assertThat(db.rows(ShopSchema.CUSTOMER_ROWS)).isEqualTo(rows);
        assertThat(runner.status().pending()).hasSize(1);

        assertThat(runner.migrate().applied()).hasSize(1);
        assertThat(db.schema().requireTable("customers").column("name").orElseThrow().nullable()).isTrue();
        assertThat(db.rows(ShopSchema.CUSTOMER_ROWS)).isEqualTo(rows);
    }
}
