package dev.covet.migrations.engine;

import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL and SQLite keep index names unique across the schema, MySQL per table: the same index name on two
 * tables is refused before anything runs where it would fail, with a message that names both tables.
 */
class IndexNameScopeTests {

    private static final String TWO_TABLES = """
            operations:
              - type: CREATE_TABLE
                table: orders
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
                  - {name: created_at, type: TIMESTAMP}
                indexes:
                  - {name: ix_created, columns: [created_at]}
            """;
    private static final String SECOND = """
            operations:
              - type: CREATE_TABLE
                table: invoices
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
                  - {name: created_at, type: TIMESTAMP}
              - type: ADD_INDEX
                table: invoices
                index: {name: IX_CREATED, columns: [created_at]}
            """;

    private static final String THIRD = """
            operations:
              - type: CREATE_TABLE
                table: payments
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
                  - {name: created_at, type: TIMESTAMP}
                indexes:
                  - {name: ix_created, columns: [created_at]}
            """;

    @AllDatabases
    void theSameIndexNameOnTwoTablesIsRefusedWhereTheDatabaseScopesNamesToTheSchema(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_orders.yaml", TWO_TABLES);
            files.write("0002_invoices.yaml", SECOND);
            files.write("0003_payments.yaml", THIRD);
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).dialect(db.dialect()).locations(files.location()).build();
            switch (db.kind()) {
                case "sqlite" -> {
                    // SQLite compares names without case: IX_CREATED is ix_created.
                    assertThatThrownBy(runner::migrate).isInstanceOf(MigrationException.class)
                            .hasMessageContaining("0002_invoices").hasMessageContaining("IX_CREATED")
                            .hasMessageContaining("'orders' already has an index named 'ix_created'");
                    // Every pending migration is rendered before the first one runs: nothing was applied.
                    assertThat(runner.status().applied()).isEmpty();
                }
                case "postgresql" -> {
                    // Quoted names keep their case: IX_CREATED is another name; ix_created again is refused.
                    assertThatThrownBy(runner::migrate).isInstanceOf(MigrationException.class)
                            .hasMessageContaining("0003_payments").hasMessageContaining("'orders' already has an index named 'ix_created'");
                    assertThat(runner.status().applied()).isEmpty();
                }
                // MySQL scopes index names to their table: all three apply.
                default -> assertThat(runner.migrate().applied()).hasSize(3);
            }
        }
    }
}
