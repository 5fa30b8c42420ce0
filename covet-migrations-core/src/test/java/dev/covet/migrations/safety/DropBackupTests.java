package dev.covet.migrations.safety;

import dev.covet.migrations.internal.backup.BackupTables;
import dev.covet.migrations.internal.backup.BackupScope;
import ch.qos.logback.classic.Level;
import dev.covet.migrations.Direction;
import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.dialect.SqliteDialect;
import dev.covet.migrations.execute.MigrationFailedException;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.TableSchema;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.CapturedLogs;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A migration that drops a table or a column with rows keeps them in a backup first, on all three databases. */
class DropBackupTests {

    private static final String AUTHORS_AND_BOOKS = """
            operations:
              - type: CREATE_TABLE
                table: author
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
                  - {name: name, type: VARCHAR(50), nullable: false}
              - type: CREATE_TABLE
                table: book
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
                  - {name: title, type: VARCHAR(50), nullable: false}
                  - {name: price, type: DECIMAL(8,2), nullable: true}
                  - {name: author_id, type: BIGINT, nullable: false}
                foreign_keys:
                  - {name: fk_book_author, columns: [author_id], references: {table: author, columns: [id]}}
            """;

    private static final List<String> AUTHORS = List.of("1|Ada", "2|Brontë", "3|Cao");
    private static final List<String> BOOKS = List.of("10|Notes|12.5|1", "11|Jane Eyre|null|2", "12|Poems|7|3", "13|More notes|3.25|1");

    private static void seed(TestDatabase db) throws SQLException {
        db.execute("INSERT INTO author (id, name) VALUES (1, 'Ada'), (2, 'Brontë'), (3, 'Cao')",
                "INSERT INTO book (id, title, price, author_id) VALUES (10, 'Notes', 12.50, 1), (11, 'Jane Eyre', NULL, 2),"
                        + " (12, 'Poems', 7.00, 3), (13, 'More notes', 3.25, 1)");
    }

    private static MigrationRunner runner(TestDatabase db, MigrationFiles files, long maxRows) {
        return MigrationRunner.builder(db.dataSource()).locations(files.location()).backupMaxRows(maxRows).build();
    }

    private static BackupStore backups(TestDatabase db) {
        return new BackupStore(db.dataSource(), db.dialect(), "covet_");
    }

    /** Rows as {@code a|b|c}, numbers without trailing zeros. */
    private static List<String> rows(TestDatabase db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    values.add(v instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
                            : String.valueOf(v));
                }
                out.add(String.join("|", values));
            }
        }
        return out;
    }

    private static List<String> books(TestDatabase db) throws SQLException {
        return rows(db, "SELECT id, title, price, author_id FROM book ORDER BY id");
    }

    @AllDatabases
    void aDroppedTableIsBackedUpListedAndRestoredOnceItExistsAgain(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_library.yaml", AUTHORS_AND_BOOKS);
            MigrationRunner runner = runner(db, files, 1_000_000);
            runner.migrate();
            seed(db);
            files.write("0002_drop_book.yaml", "operations:\n  - {type: DROP_TABLE, table: book}\n");
            try (CapturedLogs logs = CapturedLogs.of(BackupStore.class)) {
                runner.migrate();
                assertThat(logs.messages(Level.INFO)).anyMatch(m -> m.contains("Backed up 4 row(s) of book")
                        && m.contains("covet backups --restore"));
            }
            assertThat(runner.liveSchema().tables()).doesNotContainKey("book");

            List<BackupInfo> list = backups(db).list();
            assertThat(list).singleElement().satisfies(b -> {
                assertThat(b.migration()).isEqualTo("0002_drop_book");
                assertThat(b.tables()).extracting(BackupInfo.BackedUpTable::label, BackupInfo.BackedUpTable::rows)
                        .containsExactly(Tuple.tuple("book", 4L));
            });
            runner.rollback(1);
            assertThat(books(db)).isEmpty();
            assertThat(backups(db).restore(list.get(0).id())).isTrue();
            assertThat(books(db)).isEqualTo(BOOKS);
        }
    }

    @AllDatabases
    void aDroppedColumnKeepsItsValuesByKeyAndTheyGoBackIntoTheSameRows(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_library.yaml", AUTHORS_AND_BOOKS);
            MigrationRunner runner = runner(db, files, 1_000_000);
            runner.migrate();
            seed(db);
            files.write("0002_drop_price.yaml", "operations:\n  - {type: DROP_COLUMN, table: book, column: price}\n");
            runner.migrate();
            // The copy is Covet's table: the schema is what the migrations say.
            assertThat(runner.drift().inSync()).isTrue();
            BackupInfo backup = backups(db).list().get(0);
            // The column's non-null values, as the rollback risk analysis counts them, with the keys of their rows.
            assertThat(backup.tables()).singleElement().satisfies(t -> {
                assertThat(t.label()).isEqualTo("book.price");
                assertThat(t.kind()).isEqualTo(BackupInfo.Kind.COLUMNS);
                assertThat(t.rows()).isEqualTo(3);
            });
            // Rows written after the drop are left alone by the restore; titles changed since stay changed.
            db.execute("INSERT INTO book (id, title, author_id) VALUES (14, 'Later', 2)", "UPDATE book SET title = 'Notes 2' WHERE id = 10");
            assertThatThrownBy(() -> backups(db).restore(backup.id())).hasMessageContaining("column book.price does not exist")
                    .hasMessageContaining("covet rollback");
            runner.rollback(1);
            assertThat(backups(db).restore(backup.id())).isTrue();
            assertThat(books(db)).containsExactly("10|Notes 2|12.5|1", "11|Jane Eyre|null|2", "12|Poems|7|3", "13|More notes|3.25|1",
                    "14|Later|null|2");
        }
    }

    /** Where SQLite drops a column by rebuilding the table, the backup is taken in the same transaction, before the rebuild. */
    @Test
    void aSqliteTableRebuildThatDropsAColumnIsBackedUpFirst() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_library.yaml", AUTHORS_AND_BOOKS);
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).dialect(new SqliteDialect(true))
                    .locations(files.location()).build();
            runner.migrate();
            seed(db);
            files.write("0002_drop_price.yaml", "operations:\n  - {type: DROP_COLUMN, table: book, column: price}\n");
            assertThat(runner.sql(MigrationId.parse("0002_drop_price", "default"), Direction.UP))
                    .anyMatch(sql -> sql.contains("_covet_new_book"));
            runner.migrate();
            BackupInfo backup = backups(db).list().get(0);
            assertThat(backup.rows()).isEqualTo(3);
            runner.rollback(1);
            assertThat(backups(db).restore(backup.id())).isTrue();
            assertThat(books(db)).isEqualTo(BOOKS);
        }
    }

    @AllDatabases
    void backupFalseDropsWithoutABackup(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_library.yaml", AUTHORS_AND_BOOKS);
            MigrationRunner runner = runner(db, files, 1_000_000);
            runner.migrate();
            seed(db);
            files.write("0002_drops.yaml", """
                    operations:
                      - {type: DROP_COLUMN, table: book, column: price, backup: false}
                      - {type: DROP_TABLE, table: book, backup: false}
                    """);
            try (CapturedLogs logs = CapturedLogs.of(BackupStore.class)) {
                runner.migrate();
                assertThat(logs.messages(Level.WARN)).anyMatch(m -> m.contains("0002_drops drops table book without a backup"));
            }
            assertThat(runner.liveSchema().tables()).containsOnlyKeys("author");
            assertThat(backups(db).list()).isEmpty();
        }
    }

    @AllDatabases
    void aDropAboveMaxRowsStopsTheRunBeforeAnythingChangesUnlessForced(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_library.yaml", AUTHORS_AND_BOOKS);
            MigrationRunner runner = runner(db, files, 3);
            runner.migrate();
            seed(db);
            files.write("0002_tags.yaml", "operations:\n  - {type: CREATE_TABLE, table: tag, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}\n");
            files.write("0003_drop_book.yaml", "operations:\n  - {type: DROP_TABLE, table: book}\n");
            assertThatThrownBy(runner::migrate).isInstanceOf(BackupLimitExceededException.class)
                    .hasMessageContaining("0003_drop_book drops table book holding 4 row(s)")
                    .hasMessageContaining("covet.migrations.backup.max-rows (3)")
                    .hasMessageContaining("Nothing was changed")
                    .hasMessageContaining("covet migrate --force")
                    .hasMessageContaining("backup: false")
                    .satisfies(e -> assertThat(((BackupLimitExceededException) e).rows()).isEqualTo(4));
            // Not even the migration before the drop ran.
            assertThat(runner.liveSchema().tables()).containsOnlyKeys("author", "book");
            assertThat(books(db)).isEqualTo(BOOKS);
            assertThat(runner.status().pending()).hasSize(2);
            assertThat(backups(db).list()).isEmpty();

            runner.migrate(MigrateOptions.all().forced());
            assertThat(runner.liveSchema().tables()).containsOnlyKeys("author", "tag");
            assertThat(backups(db).list()).singleElement().satisfies(b -> assertThat(b.rows()).isEqualTo(4));
        }
    }

    @AllDatabases
    void aColumnAboveMaxRowsIsCountedByItsNonNullValues(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_library.yaml", AUTHORS_AND_BOOKS);
            MigrationRunner runner = runner(db, files, 2);
            runner.migrate();
            seed(db);
            files.write("0002_drop_price.yaml", "operations:\n  - {type: DROP_COLUMN, table: book, column: price}\n");
            assertThatThrownBy(runner::migrate).isInstanceOf(BackupLimitExceededException.class)
                    .hasMessageContaining("0002_drop_price drops column book.price holding 3 non-null value(s)")
                    .hasMessageContaining("'backup: false' to that DROP_COLUMN operation");
            assertThat(books(db)).isEqualTo(BOOKS);
        }
    }

    /**
     * An entity renamed Author -> Writer, generated as DROP TABLE author + CREATE TABLE writer while book.author_id
     * references author: re-adding the foreign key fails on the books' author ids. PostgreSQL and SQLite roll the
     * migration back; MySQL undoes each statement, and its re-created author table gets its rows back from the backup
     * before the foreign key into it is re-added.
     */
    @AllDatabases
    void aFailedMigrationThatDroppedATableLeavesEveryRowWhereItWas(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_library.yaml", AUTHORS_AND_BOOKS);
            MigrationRunner runner = runner(db, files, 1_000_000);
            runner.migrate();
            seed(db);
            files.write("0002_writer.yaml", """
                    operations:
                      - {type: DROP_FOREIGN_KEY, table: book, foreign_key: fk_book_author}
                      - {type: DROP_TABLE, table: author}
                      - type: CREATE_TABLE
                        table: writer
                        columns:
                          - {name: id, type: BIGINT, nullable: false, primary_key: true}
                          - {name: name, type: VARCHAR(50), nullable: false}
                      - type: ADD_FOREIGN_KEY
                        table: book
                        foreign_key: {name: fk_book_writer, columns: [author_id], references: {table: writer, columns: [id]}}
                    """);
            assertThatThrownBy(runner::migrate).isInstanceOf(MigrationFailedException.class).hasMessageContaining("0002_writer");
            assertThat(rows(db, "SELECT id, name FROM author ORDER BY id")).isEqualTo(AUTHORS);
            assertThat(books(db)).isEqualTo(BOOKS);
            TableSchema book = runner.liveSchema().table("book").orElseThrow();
            assertThat(book.foreignKeys()).singleElement().satisfies(fk -> assertThat(fk.referencedTable()).isEqualTo("author"));
            assertThat(runner.liveSchema().tables()).doesNotContainKey("writer");
            assertThat(runner.status().pending()).extracting(p -> p.id().name()).containsExactly("0002_writer");
            assertThat(runner.status().failed()).isEmpty();
            if (!db.dialect().transactionalDdl()) {
                assertThat(backups(db).list()).singleElement().satisfies(b -> assertThat(b.rows()).isEqualTo(3));
            } else {
                // The backup was part of the migration's transaction: rolled back with it.
                assertThat(backups(db).list()).isEmpty();
            }
            // Nothing is left half done: fixed (the writer ids exist), the migration applies.
            files.write("0002_writer.yaml", """
                    operations:
                      - {type: DROP_FOREIGN_KEY, table: book, foreign_key: fk_book_author}
                      - {type: RENAME_TABLE, table: author, new_name: writer}
                      - type: ADD_FOREIGN_KEY
                        table: book
                        foreign_key: {name: fk_book_writer, columns: [author_id], references: {table: writer, columns: [id]}}
                    """);
            runner.migrate();
            assertThat(rows(db, "SELECT id, name FROM writer ORDER BY id")).isEqualTo(AUTHORS);
        }
    }

    @AllDatabases
    void aFailedMigrationThatDroppedAColumnLeavesItsValuesWhereTheyWere(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_library.yaml", AUTHORS_AND_BOOKS);
            MigrationRunner runner = runner(db, files, 1_000_000);
            runner.migrate();
            seed(db);
            files.write("0002_broken.yaml", """
                    operations:
                      - {type: DROP_COLUMN, table: book, column: price}
                      - {type: RUN_SQL, sql: INSERT INTO no_such_table VALUES (1), reverse_sql: SELECT 1}
                    """);
            assertThatThrownBy(runner::migrate).isInstanceOf(MigrationFailedException.class).hasMessageContaining("no_such_table");
            assertThat(books(db)).isEqualTo(BOOKS);
            assertThat(runner.status().failed()).isEmpty();
        }
    }

    /**
     * MySQL's undo re-adds a dropped column, but a table without a key was backed up as whole rows, and restoring
     * them would replace rows the application may have written since: they stay in the backup, and the failure says
     * so and how to restore them.
     */
    @Test
    void aFailedColumnDropOnATableWithoutAKeyLeavesItsWholeRowsInTheBackupOnMySql() throws Exception {
        try (TestDatabase db = new DatabaseKind("mysql").create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_notes.yaml", """
                    operations:
                      - type: CREATE_TABLE
                        table: note
                        columns:
                          - {name: body, type: VARCHAR(50), nullable: false}
                          - {name: tag, type: VARCHAR(20), nullable: true}
                    """);
            MigrationRunner runner = runner(db, files, 1_000_000);
            runner.migrate();
            db.execute("INSERT INTO note (body, tag) VALUES ('a', 'x'), ('b', NULL)");
            files.write("0002_broken.yaml", """
                    operations:
                      - {type: DROP_COLUMN, table: note, column: tag}
                      - {type: RUN_SQL, sql: INSERT INTO no_such_table VALUES (1), reverse_sql: SELECT 1}
                    """);
            assertThatThrownBy(runner::migrate).isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("the values of the dropped column are not back")
                    .hasMessageContaining("covet backups --restore");
            // The column is back, the rows were not replaced, and the values wait in the backup.
            assertThat(rows(db, "SELECT body, tag FROM note ORDER BY body")).containsExactly("a|null", "b|null");
            assertThat(backups(db).list()).singleElement().satisfies(b -> assertThat(b.rows()).isEqualTo(2));
        }
    }

    @AllDatabases
    void aLargeCopyLogsTheRowsCopiedBatchByBatch(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_library.yaml", AUTHORS_AND_BOOKS);
            runner(db, files, 1_000_000).migrate();
            seed(db);
            TableSchema book = new TableSchema("book", List.of(
                    ColumnSchema.of("id", ColumnType.parse("BIGINT")), ColumnSchema.of("title", ColumnType.parse("VARCHAR(50)")),
                    ColumnSchema.of("price", ColumnType.parse("DECIMAL(8,2)")), ColumnSchema.of("author_id", ColumnType.parse("BIGINT"))),
                    List.of("id"), List.of(), List.of(), List.of());
            BackupTables store = new BackupTables(db.dataSource(), db.dialect(), "covet_", 2);
            BackupInfo info;
            try (CapturedLogs logs = CapturedLogs.of(BackupStore.class); Connection c = db.connect()) {
                info = store.create(c, "test", List.of(new BackupScope.Rows(book, 4)));
                assertThat(logs.messages(Level.INFO)).contains("Backing up book: 2 of 4 rows copied (50%)",
                        "Backing up book: 4 of 4 rows copied (100%)");
            }
            assertThat(info.rows()).isEqualTo(4);
            db.execute("DELETE FROM book");
            assertThat(store.restore(info.id())).isTrue();
            assertThat(books(db)).isEqualTo(BOOKS);
        }
    }
}
