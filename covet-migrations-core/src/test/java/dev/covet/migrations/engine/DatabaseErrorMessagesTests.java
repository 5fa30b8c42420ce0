package dev.covet.migrations.engine;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.execute.MigrationFailedException;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database error reaches the user as the file, the operation, the statement and the database's own message, even
 * when the server ends the session (PostgreSQL's FATAL errors): the clean-up on a dead connection must not replace it.
 */
class DatabaseErrorMessagesTests {

    @AllDatabases
    void everyDatabaseErrorNamesFileOperationStatementAndTheDatabasesReason(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            List<String[]> cases = switch (db.kind()) {
                // 0A000 (feature not supported) and a session the server ends (what a pool then calls "Connection is closed")
                case "postgresql" -> List.of(new String[] {"CREATE TABLE x (a INT CHECK (a IN (SELECT 1)))", "cannot use subquery"},
                        new String[] {"SELECT pg_terminate_backend(pg_backend_pid())", "terminating connection"},
                        new String[] {"COPY keep FROM STDIN", "COPY"});
                case "mysql" -> List.of(new String[] {"CREATE TABLE x (a INT CHECK (a IN (SELECT 1)))", "CHECK"},
                        new String[] {"KILL CONNECTION CONNECTION_ID()", "Connection was killed"});
                default -> List.<String[]>of(new String[] {"CREATE TABLE x (a INT CHECK (a IN (SELECT 1)))", "subqueries prohibited"});
            };
            int n = 2;
            for (String[] c : cases) {
                try (MigrationFiles files = new MigrationFiles()) {
                    files.write("0001_keep.yaml", "operations:\n  - {type: CREATE_TABLE, table: keep, columns: [{name: id, type: INT}]}\n");
                    String name = String.format("%04d_broken", n++);
                    files.write(name + ".yaml", "operations:\n  - {type: CREATE_TABLE, table: before_it, columns: [{name: id, type: INT}]}\n"
                            + "  - {type: RUN_SQL, sql: \"" + c[0] + "\"}\n");
                    MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
                    assertThatThrownBy(runner::migrate).as(c[0]).isInstanceOf(MigrationFailedException.class)
                            .hasMessageContaining(name + ".yaml")
                            .hasMessageContaining("statement 2 of 2")
                            .hasMessageContaining("operation 2 of 2, RUN_SQL")
                            .hasMessageContaining(c[0])
                            .hasMessageContaining(c[1])
                            .hasMessageNotContaining("has been closed").hasMessageNotContaining("Connection is closed");
                    if (!c[0].startsWith("KILL")) {
                        // (A killed MySQL session cannot undo its committed DDL: what a later start does is the resume's job.)
                        assertThat(MigrateRollbackTests.read(db).tables()).as(c[0]).containsOnlyKeys("keep");
                    }
                }
            }
        }
    }
}
