package dev.covet.migrations.loader;

import dev.covet.migrations.internal.loader.MigrationLoader;
import dev.covet.migrations.internal.loader.MigrationSource;
import dev.covet.migrations.Migration;
import dev.covet.migrations.operation.RunSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file means exactly one thing: what could be read two ways is refused, naming the file and the line or field. */
class OneMeaningTests {

    @TempDir
    Path dir;

    private Migration read(String name, String content) throws IOException {
        try (var old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(dir.resolve(name), content);
        List<MigrationSource> sources = new MigrationLoader(getClass().getClassLoader()).list(List.of("filesystem:" + dir));
        return sources.get(0).parse();
    }

    private void refused(String name, String content, String... fragments) {
        assertThatThrownBy(() -> read(name, content)).isInstanceOf(MigrationFileException.class)
                .hasMessageContaining(name).hasMessageContainingAll(fragments);
    }

    private static List<String> up(Migration m) {
        return ((RunSql) m.operations().get(0)).sql().common();
    }

    private static List<String> down(Migration m) {
        RunSql op = (RunSql) m.operations().get(0);
        return op.reverseSql() == null ? List.of() : op.reverseSql().common();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-- COVET:DOWN", "-- covet:DOWN", "-- Covet:down", "--covet : down", "-- covet: down", "   -- covet:Up"})
    void aMisCasedOrMisSpacedDirectiveIsAnErrorNamingItsLine(String directive) {
        refused("0001_x.sql", "-- covet:up\nCREATE TABLE t (id INT);\n" + directive + "\nDROP TABLE t;\n", "line 3",
                "directives are lower case");
    }

    @Test
    void anUnknownDirectiveOrOneWithStrayTextIsAnError() {
        refused("0001_x.sql", "-- covet:up\nCREATE TABLE t (id INT);\n-- covet:downn\n", "line 3", "unknown directive");
        refused("0001_x.sql", "-- covet:up now\nCREATE TABLE t (id INT);\n", "line 1", "takes nothing after it");
    }

    @Test
    void aDirectiveInsideABlockCommentOrAStringIsNotADirective() throws IOException {
        Migration m = read("0001_x.sql", """
                -- covet:up
                CREATE TABLE t (id INT);
                /*
                -- covet:down
                DROP TABLE t;
                */
                INSERT INTO t (id) SELECT 1 WHERE 'a
                -- covet:down
                ' <> '';
                -- covet:down
                DROP TABLE t;
                """);
        assertThat(up(m)).hasSize(2);
        assertThat(up(m).get(1)).contains("-- covet:down");
        assertThat(down(m)).containsExactly("DROP TABLE t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE t (id INT);\n/* never closed\nDROP TABLE t;\n",
            "CREATE TABLE t (id INT);\nINSERT INTO t VALUES ('never closed);\n",
            "CREATE TABLE t (id INT);\nDO $body$ BEGIN NULL; END\n"})
    void anUnterminatedCommentStringOrBodyIsAnErrorNamingItsLine(String sql) {
        refused("0001_x.sql", sql, "line 2", "never closed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMMIT", "commit work", "BEGIN", "BEGIN TRANSACTION", "begin immediate", "START TRANSACTION",
            "ROLLBACK", "END", "end transaction", "ABORT", "SET autocommit = 1", "SET SESSION autocommit=0",
            "set @@autocommit = 1", "/* sneaky */ COMMIT", "-- c\nCOMMIT", "XA START 'x'", "PREPARE TRANSACTION 'x'"})
    void transactionControlInASqlFileIsRefusedNamingTheLine(String statement) {
        // The line of the keyword itself, after any comment before it.
        int line = 4 + (int) statement.chars().filter(c -> c == '\n').count();
        refused("0001_x.sql", "-- covet:up\nCREATE TABLE t (id INT);\n\n" + statement + ";\nCREATE TABLE u (id INT);\n",
                "line " + line, "would end the transaction");
    }

    @Test
    void transactionControlInRunSqlIsRefusedNamingTheField() {
        refused("0001_x.yaml", "operations:\n  - {type: RUN_SQL, sql: [\"CREATE TABLE t (id INT)\", \"COMMIT\"]}\n",
                "operations[0].sql[1]", "COMMIT would end the transaction");
        refused("0001_x.yaml", "operations:\n  - type: RUN_SQL\n    sql: |\n      CREATE TABLE t (id INT);\n      COMMIT;\n",
                "operations[0].sql", "line 2 of the SQL", "COMMIT");
        refused("0001_x.yaml", "operations:\n  - type: RUN_SQL\n    sql: {postgresql: SELECT 1, sqlite: 'BEGIN; SELECT 1'}\n",
                "operations[0].sql.sqlite", "BEGIN");
    }

    @Test
    void savepointsAndTransactionWordsInsideStatementsAreAllowed() throws IOException {
        Migration m = read("0001_x.sql", """
                SAVEPOINT a;
                ROLLBACK TO SAVEPOINT a;
                RELEASE SAVEPOINT a;
                INSERT INTO log (msg) VALUES ('COMMIT; BEGIN');
                SELECT CASE WHEN 1 = 1 THEN 'a' END;
                CREATE TRIGGER trg AFTER UPDATE ON t BEGIN INSERT INTO log (msg) VALUES ('x'); UPDATE n SET c = c + 1; END;
                """);
        assertThat(up(m)).hasSize(6);
        assertThat(up(m).get(5)).startsWith("CREATE TRIGGER").endsWith("END");
    }

    @Test
    void runSqlWithSeveralStatementsRunsEachOfThemAsTheSqlReaderSplits() throws IOException {
        Migration m = read("0001_x.yaml", """
                operations:
                  - type: RUN_SQL
                    sql: "CREATE TABLE a (id INT); CREATE TABLE b (id INT); -- trailing comment"
                    reverse_sql: ["DROP TABLE b; DROP TABLE a"]
                """);
        RunSql op = (RunSql) m.operations().get(0);
        assertThat(op.sql().common()).containsExactly("CREATE TABLE a (id INT)", "CREATE TABLE b (id INT)");
        assertThat(op.reverseSql().common()).containsExactly("DROP TABLE b", "DROP TABLE a");
        refused("0001_x.yaml", "operations:\n  - {type: RUN_SQL, sql: \"SELECT 1; /* open\"}\n", "operations[0].sql", "never closed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"INSERT INTO t VALUES ('a\\'); DROP TABLE keep; --')", "INSERT INTO t VALUES ('It\\'s')",
            "SELECT 'C:\\'"})
    void sqlThatSplitsDifferentlyWhereABackslashEscapesIsRefused(String sql) {
        refused("0001_x.sql", "CREATE TABLE t (id INT);\n" + sql + ";\n", "line 2", "not the same SQL on every database");
        refused("0001_x.yaml", "operations:\n  - type: RUN_SQL\n    sql: |\n      " + sql + "\n", "operations[0].sql",
                "not the same SQL on every database");
    }

    @Test
    void backslashesThatMeanTheSameEverywhereAreAccepted() throws IOException {
        Migration m = read("0001_x.sql", "INSERT INTO t VALUES ('a\\\\b', E'it\\'s', 'x');\nSELECT 1;\n");
        assertThat(up(m)).hasSize(2);
    }

    @Test
    void repeatedKeysAreRefusedInYamlAndJson() {
        refused("0001_x.yaml", "operations: []\noperations:\n  - {type: DROP_TABLE, table: t}\n", "duplicate key 'operations'", "line 2");
        refused("0001_x.yaml", "operations:\n  - {type: DROP_TABLE, table: t, table: u}\n", "duplicate key 'table'");
        refused("0001_x.json", "{\"operations\": [],\n \"operations\": [{\"type\": \"DROP_TABLE\", \"table\": \"t\"}]}",
                "duplicate key 'operations'", "line 2");
    }

    @Test
    void aNulCharacterIsRefusedWithItsLine() {
        refused("0001_x.sql", "CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);\u0000DROP TABLE t;\n", "line 2", "NUL");
        refused("0001_x.yaml", "description: a\u0000\noperations: []\n", "line 1", "NUL");
    }

    @Test
    void outOfRangeNumbersAreRefusedWithTheirLine() {
        refused("0001_x.yaml", "operations:\n  - type: ADD_COLUMN\n    table: t\n    column: {name: n, type: BIGINT, default: 1e400}\n",
                "out of range", "line 4");
        refused("0001_x.json", "{\"operations\": [{\"type\": \"ADD_COLUMN\", \"table\": \"t\",\n"
                + " \"column\": {\"name\": \"n\", \"type\": \"BIGINT\", \"default\": -1e400}}]}", "out of range", "line 2");
    }

    @Test
    void impossibleValuesAreErrorsNamingTheField() {
        String column = "operations:\n  - {type: ADD_COLUMN, table: t, column: {name: c, type: %s}}\n";
        refused("0001_x.yaml", column.formatted("VARCHAR(0)"), "operations[0].column.type", "at least 1");
        refused("0001_x.yaml", column.formatted("\"DECIMAL(2,5)\""), "operations[0].column.type", "scale");
        refused("0001_x.yaml", column.formatted("VARCHAR(99999999999)"), "operations[0].column.type", "out of range");
        refused("0001_x.yaml", column.formatted("TIMESTAMP(9)"), "operations[0].column.type", "6 digits");
        refused("0001_x.yaml", "operations:\n  - {type: DROP_TABLE, table: true}\n", "operations[0].table", "must be a name");
        refused("0001_x.yaml", "operations:\n  - {type: DROP_TABLE, table: 12}\n", "operations[0].table", "must be a name");
        refused("0005_x.yaml", "replaces: [0009_later]\noperations: []\n", "replaces[0]", "not an earlier migration");
        refused("0005_x.yaml", "replaces: [0005_x]\noperations: []\n", "replaces[0]", "not an earlier migration");
        refused("0005_x.yaml", "replaces: [0001_a, 0001_a]\noperations: []\n", "replaces[1]", "twice");
        refused("0005_x.yaml", "replaces: [\"other:0001_a\"]\noperations: []\n", "replaces[0]", "another app");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x > 0), CHECK (1 = 1", "(x > 0", "x = 'open", "x > 0; DROP TABLE t", "x > 0 -- c",
            "x = 'a\\' OR 1 = 1 OR ''"})
    void expressionsThatWouldLeaveTheirClauseAreRefused(String expression) {
        String yaml = "operations:\n  - {type: ADD_CONSTRAINT, table: t, constraint: {name: c, kind: CHECK, expression: %s}}\n";
        refused("0001_x.yaml", yaml.formatted("\"" + expression.replace("\\", "\\\\").replace("'", "'") + "\""),
                "operations[0].constraint.expression");
        String where = "operations:\n  - {type: ADD_INDEX, table: t, index: {name: i, columns: [x], where: %s}}\n";
        refused("0001_x.yaml", where.formatted("\"" + expression.replace("\\", "\\\\") + "\""), "operations[0].index.where");
        String def = "operations:\n  - {type: ADD_COLUMN, table: t, column: {name: c, type: INT, default: {sql: %s}}}\n";
        refused("0001_x.yaml", def.formatted("\"" + expression.replace("\\", "\\\\") + "\""), "operations[0].column.default.sql");
    }

    @Test
    void controlCharactersInWhatAFileSaysAreEscapedInMessages() {
        assertThatThrownBy(() -> read("0001_x.yaml", "operations:\n  - {type: DROP_TABLE, table: \"a\\e[31mred\\nERROR forged\"}\n"))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("\\u001b[31mred\\nERROR forged")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b").doesNotContain("\n"));
    }
}
