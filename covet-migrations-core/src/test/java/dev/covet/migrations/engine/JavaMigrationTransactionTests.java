package dev.covet.migrations.engine;

import dev.covet.migrations.JavaMigration;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;

import static dev.covet.migrations.engine.MigrateRollbackTests.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Covet owns each migration's transaction: a Java migration that tries to end it on the connection it is given
 * fails with advice, and the migration leaves nothing behind (DML only, so MySQL's self-committing DDL is no
 * exception).
 */
class JavaMigrationTransactionTests {

    private static final String ITEMS = """
            operations:
              - type: CREATE_TABLE
                table: items
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
            """;
    private static final String RUN_JAVA = """
            operations:
              - {type: RUN_JAVA, migration: add_items}
            """;

    /** Inserts two rows, ending the transaction in between with {@code call}. */
    private static JavaMigration addingItems(SqlCall call) {
        return new JavaMigration() {
            @Override
            public String name() {
                return "add_items";
            }

            @Override
            public void migrate(Connection connection) throws SQLException {
                try (Statement s = connection.createStatement()) {
                    s.executeUpdate("INSERT INTO items (id) VALUES (1)");
                    call.on(connection);
                    s.executeUpdate("INSERT INTO items (id) VALUES (2)");
                }
            }
        };
    }

    @FunctionalInterface
    private interface SqlCall {
        void on(Connection c) throws SQLException;
    }

    @AllDatabases
    void commitInsideAJavaMigrationFailsAndLeavesTheDatabaseAsItWas(DatabaseKind kind) throws Exception {
        assertEndingTheTransactionFails(kind, Connection::commit, "commit()");
    }

    @AllDatabases
    void rollbackInsideAJavaMigrationFailsAndLeavesTheDatabaseAsItWas(DatabaseKind kind) throws Exception {
        assertEndingTheTransactionFails(kind, Connection::rollback, "rollback()");
    }

    @Test
    void autoCommitCannotBeSwitchedOnInsideAJavaMigration() throws Exception {
        assertEndingTheTransactionFails(new DatabaseKind("sqlite"), c -> c.setAutoCommit(true), "setAutoCommit(true)");
    }

    private static void assertEndingTheTransactionFails(DatabaseKind kind, SqlCall call, String named) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_items.yaml", ITEMS);
            MigrationRunner.builder(db.dataSource()).locations(files.location()).build().migrate();
            files.write("0002_add_items.yaml", RUN_JAVA);
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location())
                    .javaMigration(addingItems(call)).build();

            assertThatThrownBy(runner::migrate).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("0002_add_items")
                    .hasMessageContaining("Java migration 'add_items' called Connection." + named
                            + ": Covet commits each migration itself")
                    .hasMessageContaining("split it into separate migrations");

            assertThat(count(db, "SELECT COUNT(*) FROM items")).as("rows left by the failed migration").isZero();
            MigrationStatus status = runner.status();
            assertThat(status.applied()).extracting(i -> i.id().name()).containsExactly("0001_items");
            assertThat(status.pending()).extracting(i -> i.id().name()).containsExactly("0002_add_items");
            assertThat(status.failed()).isEmpty();
        }
    }

    @AllDatabases
    void theConnectionOfAStatementIsTheGuardedOne(DatabaseKind kind) throws Exception {
        assertEndingTheTransactionFails(kind, c -> c.createStatement().getConnection().commit(), "commit()");
    }

    @Test
    void theConnectionOfPreparedStatementsAndMetadataIsTheGuardedOne() throws Exception {
        DatabaseKind sqlite = new DatabaseKind("sqlite");
        assertEndingTheTransactionFails(sqlite, c -> c.prepareStatement("SELECT 1").getConnection().rollback(), "rollback()");
        assertEndingTheTransactionFails(sqlite, c -> c.getMetaData().getConnection().commit(), "commit()");
    }

    @AllDatabases
    void switchingAutoCommitOffAndBackAsLibrariesDoKeepsTheTransaction(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_items.yaml", ITEMS).write("0002_add_items.yaml", RUN_JAVA);
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location())
                    .javaMigration(addingItems(c -> {
                        boolean autoCommit = c.getAutoCommit();
                        c.setAutoCommit(false);
                        c.setAutoCommit(autoCommit);
                    })).build();

            assertThat(runner.migrate().applied()).hasSize(2);

            assertThat(count(db, "SELECT COUNT(*) FROM items")).isEqualTo(2);
        }
    }

    @Test
    void unwrapReachesTheDriversConnectionAndSavepointsWork() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_items.yaml", ITEMS).write("0002_add_items.yaml", RUN_JAVA);
            AtomicReference<Object> unwrapped = new AtomicReference<>();
            AtomicReference<Boolean> wrapperFor = new AtomicReference<>();
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location())
                    .javaMigration(addingItems(c -> {
                        unwrapped.set(c.unwrap(SQLiteConnection.class));
                        wrapperFor.set(c.isWrapperFor(SQLiteConnection.class));
                    })).build();

            assertThat(runner.migrate().applied()).hasSize(2);

            assertThat(unwrapped.get()).isInstanceOf(SQLiteConnection.class);
            assertThat(wrapperFor.get()).isTrue();
            assertThat(count(db, "SELECT COUNT(*) FROM items")).isEqualTo(2);
        }
    }

    @AllDatabases
    void aSavepointRolledBackUndoesOnlyWhatCameAfterIt(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_items.yaml", ITEMS).write("0002_add_items.yaml", RUN_JAVA);
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location())
                    .javaMigration(addingItems(c -> {
                        Savepoint before = c.setSavepoint("before_extra");
                        try (Statement s = c.createStatement()) {
                            s.executeUpdate("INSERT INTO items (id) VALUES (99)");
                        }
                        c.rollback(before);
                    })).build();

            assertThat(runner.migrate().applied()).hasSize(2);

            assertThat(count(db, "SELECT COUNT(*) FROM items")).isEqualTo(2);
            assertThat(count(db, "SELECT COUNT(*) FROM items WHERE id = 99")).isZero();
            // The connection was left fit for the next run: a later migration still applies and commits.
            files.write("0003_more.yaml", "operations:\n  - {type: RUN_SQL, sql: \"INSERT INTO items (id) VALUES (3)\"}\n");
            assertThat(runner.migrate().applied()).hasSize(1);
            assertThat(count(db, "SELECT COUNT(*) FROM items")).isEqualTo(3);
        }
    }
}
