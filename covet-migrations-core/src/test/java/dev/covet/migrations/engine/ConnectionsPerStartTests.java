package dev.covet.migrations.engine;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.ConnectionSource;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start pays one connection: without a pool each is a full handshake, so finding the dialect (and on SQLite its
 * version) happens on the connection the run uses, not on extra ones.
 */
class ConnectionsPerStartTests {

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
    private static final class CountingDataSource extends ConnectionSource {
        private final DataSource target;
        private final AtomicInteger opened = new AtomicInteger();

        CountingDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            opened.incrementAndGet();
            return target.getConnection();
        }
    }
}
