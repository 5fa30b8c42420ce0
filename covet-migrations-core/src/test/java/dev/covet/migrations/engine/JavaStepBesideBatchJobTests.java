package dev.covet.migrations.engine;

import dev.covet.migrations.JavaMigration;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.execute.MigrationFailedException;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.JavaMigrations;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import java.sql.Statement;

import static dev.covet.migrations.engine.MigrateRollbackTests.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A migration with a batch job runs outside one transaction; a transactional Java step in it still gets a
 * transaction of its own, on every database: when its second insert fails, none of its rows stay.
 */
class JavaStepBesideBatchJobTests {

    private static final String TABLES = """
            operations:
              - {type: CREATE_TABLE, table: items, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
              - {type: CREATE_TABLE, table: job_log, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
            """;
    private static final String BOTH = """
            operations:
              - {type: RUN_JAVA, migration: log_job}
              - {type: RUN_JAVA, migration: add_items}
            """;

    @AllDatabases
    void aFailingTransactionalJavaStepLeavesNoneOfItsRows(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_tables.yaml", TABLES).write("0002_both.yaml", BOTH);
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location())
                    .javaMigration(java("log_job", false, "INSERT INTO job_log (id) VALUES (1)"))
                    .javaMigration(java("add_items", true, "INSERT INTO items (id) VALUES (1)", "INSERT INTO items (id) VALUES (2)",
                            "INSERT INTO items (id) VALUES (1)"))
                    .build();

            assertThatThrownBy(runner::migrate).isInstanceOf(MigrationFailedException.class).hasMessageContaining("0002_both");

            assertThat(count(db, "SELECT COUNT(*) FROM items")).as("rows of the failed transactional step").isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM job_log")).as("the batch job committed as it went").isEqualTo(1);
        }
    }

    private static JavaMigration java(String name, boolean transactional, String... inserts) {
        return JavaMigrations.of(name, transactional, connection -> {
            try (Statement s = connection.createStatement()) {
                for (String sql : inserts) {
                    s.executeUpdate(sql);
                }
            }
        });
    }
}
