package dev.covet.migrations.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Migration files written to say one thing and do another, or to break the reader: each with what must happen. A
 * refused file must give a clear error naming it; an accepted one must do exactly what it says and nothing more.
 * The base migration before each has created {@code keep} (one row).
 */
final class HostileCorpus {

    /** What a case must lead to. */
    enum Expect {
        /** A clear error naming the file; the database unchanged. */
        REFUSED,
        /** Runs; only the tables listed appear; nothing else happens. */
        ACCEPTED,
        /** Either of the two, depending on the database (a function one database has and another lacks). */
        EITHER
    }

    /**
     * One hostile file.
     *
     * @param name what the case tries
     * @param extension {@code yaml}, {@code json} or {@code sql}
     * @param content the file
     * @param expect the outcome on every database
     * @param tables for an accepted file: the tables it must have created (others than {@code keep}), exactly
     * @param errorMentions for a refusal: what the error must also say (the field, line or reason)
     * @param lintRule a lint rule that must flag the file, or {@code null}
     */
    record Case(String name, String extension, String content, Expect expect, Set<String> tables, String errorMentions,
                String lintRule) {

        @Override
        public String toString() {
            return name;
        }
    }

    private final List<Case> cases = new ArrayList<>();

    private HostileCorpus() {
    }

    static List<Case> all() {
        HostileCorpus c = new HostileCorpus();
        c.duplicateKeys();
        c.directives();
        c.statementSplitting();
        c.transactionControl();
        c.impossibleValues();
        c.expressionFields();
        c.literals();
        c.structure();
        return List.copyOf(c.cases);
    }

    private void refused(String name, String ext, String content, String mentions) {
        cases.add(new Case(name, ext, content, Expect.REFUSED, Set.of(), mentions, null));
    }

    private void accepted(String name, String ext, String content, String... tables) {
        cases.add(new Case(name, ext, content, Expect.ACCEPTED, Set.of(tables), null, null));
    }

    private void either(String name, String ext, String content, String lintRule, String... tables) {
        cases.add(new Case(name, ext, content, Expect.EITHER, Set.of(tables), null, lintRule));
    }

    private static String createTable(String table) {
        return "{type: CREATE_TABLE, table: " + table + ", columns: [{name: id, type: INT}]}";
    }

    private void duplicateKeys() {
        refused("yaml operations twice", "yaml", "operations:\n  - " + createTable("a1") + "\noperations:\n  - {type: DROP_TABLE, table: keep}\n",
                "duplicate key 'operations'");
        refused("yaml key twice in a flow mapping", "yaml", "operations:\n  - {type: DROP_TABLE, table: a1, table: keep}\n",
                "duplicate key 'table'");
        refused("yaml key twice in a block mapping", "yaml", "operations:\n  - type: CREATE_TABLE\n    table: a1\n    table: a2\n"
                + "    columns: [{name: id, type: INT}]\n", "duplicate key 'table'");
        refused("yaml column key twice", "yaml", "operations:\n  - type: ADD_COLUMN\n    table: keep\n    column:\n      name: c\n"
                + "      type: INT\n      type: TEXT\n", "duplicate key 'type'");
        refused("json operations twice", "json", "{\"operations\": [], \"operations\": [{\"type\": \"DROP_TABLE\", \"table\": \"keep\"}]}",
                "duplicate key 'operations'");
        refused("json nested key twice", "json", "{\"operations\": [{\"type\": \"CREATE_TABLE\", \"table\": \"a1\", \"table\": \"a2\","
                + " \"columns\": [{\"name\": \"id\", \"type\": \"INT\"}]}]}", "duplicate key 'table'");
        refused("yaml description twice", "yaml", "description: a\ndescription: b\noperations: []\n", "duplicate key 'description'");
    }

    private void directives() {
        refused("upper-case down directive", "sql", "-- covet:up\nCREATE TABLE a1 (id INT);\n-- COVET:DOWN\nDROP TABLE keep;\n", "line 3");
        refused("mixed-case up directive", "sql", "-- Covet:Up\nCREATE TABLE a1 (id INT);\n", "line 1");
        refused("space after the colon", "sql", "-- covet: up\nCREATE TABLE a1 (id INT);\n", "line 1");
        refused("unknown directive", "sql", "-- covet:up\nCREATE TABLE a1 (id INT);\n-- covet:donw\nDROP TABLE a1;\n", "line 3");
        refused("text after up", "sql", "-- covet:up and then\nCREATE TABLE a1 (id INT);\n", "line 1");
        refused("down twice", "sql", "-- covet:up\nCREATE TABLE a1 (id INT);\n-- covet:down\nDROP TABLE a1;\n-- covet:down\nDROP TABLE keep;\n",
                "line 5");
        refused("up after down", "sql", "-- covet:down\nDROP TABLE a1;\n-- covet:up\nCREATE TABLE a1 (id INT);\n", "line 3");
        accepted("down directive inside a block comment", "sql",
                "-- covet:up\nCREATE TABLE a1 (id INT);\n/*\n-- covet:down\n*/\nCREATE TABLE a2 (id INT);\n", "a1", "a2");
        accepted("down directive inside a string", "sql", "-- covet:up\nCREATE TABLE a1 (id VARCHAR(40) DEFAULT 'x\n-- covet:down\n');\n"
                + "CREATE TABLE a2 (id INT);\n", "a1", "a2");
        accepted("directive-like text in a trailing comment", "sql", "CREATE TABLE a1 (id INT); -- covet:down\nCREATE TABLE a2 (id INT);\n",
                "a1", "a2");
        refused("depends on a missing migration", "sql", "-- covet:depends 0099_missing\nCREATE TABLE a1 (id INT);\n", "0099_missing");
        refused("bad phase", "sql", "-- covet:phase sideways\nCREATE TABLE a1 (id INT);\n", "line 1");
    }

    private void statementSplitting() {
        accepted("RUN_SQL with two statements in one string", "yaml",
                "operations:\n  - {type: RUN_SQL, sql: \"CREATE TABLE a1 (id INT); CREATE TABLE a2 (id INT)\"}\n", "a1", "a2");
        accepted("RUN_SQL block with three statements", "yaml",
                "operations:\n  - type: RUN_SQL\n    sql: |\n      CREATE TABLE a1 (id INT);\n      INSERT INTO a1 VALUES (1);\n"
                        + "      CREATE TABLE a2 (id INT);\n", "a1", "a2");
        accepted("semicolon inside a string is not a separator", "yaml",
                "operations:\n  - type: RUN_SQL\n    sql: \"CREATE TABLE a1 (v VARCHAR(20)); INSERT INTO a1 VALUES ('x; DROP TABLE keep')\"\n", "a1");
        refused("unterminated block comment", "sql", "CREATE TABLE a1 (id INT);\n/* never closed\nDROP TABLE keep;\n", "line 2");
        refused("unterminated block comment in RUN_SQL", "yaml", "operations:\n  - {type: RUN_SQL, sql: \"CREATE TABLE a1 (id INT); /* open\"}\n",
                "operations[0].sql");
        refused("unterminated string", "sql", "CREATE TABLE a1 (id INT);\nINSERT INTO a1 VALUES ('open);\n", "line 2");
        refused("unterminated dollar quote", "sql", "CREATE TABLE a1 (id INT);\nSELECT $x$ never closed;\n", "line 2");
        refused("backslash quote splits differently per database", "sql",
                "CREATE TABLE a1 (v VARCHAR(20));\nINSERT INTO a1 VALUES ('a\\'); DROP TABLE keep; --');\n", "line 2");
        refused("backslash quote in RUN_SQL", "yaml",
                "operations:\n  - type: RUN_SQL\n    sql: |\n      INSERT INTO keep (id) VALUES (length('a\\')); DROP TABLE keep; --'))\n",
                "operations[0].sql");
    }

    private void transactionControl() {
        for (String statement : List.of("COMMIT", "BEGIN", "ROLLBACK", "START TRANSACTION", "SET autocommit = 1", "END", "commit work",
                "BEGIN IMMEDIATE", "ABORT")) {
            refused(statement + " in a .sql file", "sql", "CREATE TABLE a1 (id INT);\n" + statement + ";\nCREATE TABLE a2 (id INT);\n",
                    "line 2");
        }
        refused("COMMIT in a RUN_SQL list", "yaml", "operations:\n  - {type: RUN_SQL, sql: [\"CREATE TABLE a1 (id INT)\", COMMIT,"
                + " \"CREATE TABLE a2 (id INT)\"]}\n", "operations[0].sql[1]");
        refused("COMMIT in reverse_sql", "yaml", "operations:\n  - {type: RUN_SQL, sql: \"CREATE TABLE a1 (id INT)\", reverse_sql:"
                + " \"DROP TABLE a1; COMMIT\"}\n", "operations[0].reverse_sql");
        refused("COMMIT in forward_sql", "yaml", "operations: []\nforward_sql: [\"CREATE TABLE a1 (id INT)\", \"COMMIT\"]\n", "forward_sql");
        refused("COMMIT in the down section", "sql", "-- covet:up\nCREATE TABLE a1 (id INT);\n-- covet:down\nDROP TABLE a1;\nCOMMIT;\n", "line 5");
        // Not on MySQL: its migrations run in autocommit (DDL commits anyway), where a savepoint ends with its statement.
        accepted("savepoints stay inside the transaction", "yaml", "operations:\n  - type: RUN_SQL\n    sql:\n"
                + "      default: [\"CREATE TABLE a1 (id INT)\", \"SAVEPOINT s1\", \"CREATE TABLE a2 (id INT)\", \"RELEASE SAVEPOINT s1\"]\n"
                + "      mysql: [\"CREATE TABLE a1 (id INT)\", \"CREATE TABLE a2 (id INT)\"]\n", "a1", "a2");
    }

    private void impossibleValues() {
        String column = "operations:\n  - {type: ADD_COLUMN, table: keep, column: {name: c, type: %s}}\n";
        refused("VARCHAR(0)", "yaml", column.formatted("VARCHAR(0)"), "operations[0].column.type");
        refused("CHAR(0)", "yaml", column.formatted("CHAR(0)"), "operations[0].column.type");
        refused("VARCHAR larger than an int", "yaml", column.formatted("VARCHAR(2147483648)"), "operations[0].column.type");
        refused("scale above precision", "yaml", column.formatted("\"DECIMAL(2,5)\""), "operations[0].column.type");
        refused("TIMESTAMP(9)", "yaml", column.formatted("TIMESTAMP(9)"), "operations[0].column.type");
        refused("unknown type", "yaml", column.formatted("\"VARCHAR(10) CHARACTER SET latin1\""), "operations[0].column.type");
        refused("type is a number", "yaml", column.formatted("12"), "operations[0].column.type");
        refused("table: true", "yaml", "operations:\n  - {type: DROP_TABLE, table: true}\n", "operations[0].table");
        refused("table: 12", "yaml", "operations:\n  - {type: DROP_TABLE, table: 12}\n", "operations[0].table");
        refused("table: a list", "yaml", "operations:\n  - {type: DROP_TABLE, table: [keep]}\n", "operations[0].table");
        refused("table: null", "yaml", "operations:\n  - {type: DROP_TABLE, table: null}\n", "operations[0].table");
        refused("table name with SQL", "yaml", "operations:\n  - {type: DROP_TABLE, table: \"keep; DROP TABLE keep\"}\n", "operations[0].table");
        refused("table name 64 characters", "yaml", "operations:\n  - " + createTable("a".repeat(64)) + "\n", "operations[0].table");
        refused("homoglyph table name", "yaml", "operations:\n  - " + createTable("k\u0435ep") + "\n", "operations[0].table");
        refused("column name true", "yaml", "operations:\n  - {type: ADD_COLUMN, table: keep, column: {name: true, type: INT}}\n",
                "operations[0].column.name");
        refused("replaces a later migration", "yaml", "replaces: [0009_later]\noperations: []\n", "replaces[0]");
        refused("replaces itself", "yaml", "replaces: [0002_replaces_itself]\noperations: []\n", "replaces[0]");
        refused("replaces another app", "yaml", "replaces: [\"billing:0001_base\"]\noperations: []\n", "replaces[0]");
        refused("replaces an unknown migration beside a known one", "yaml", "replaces: [0001_base, 0001_typo]\noperations: []\n", "0001_typo");
        refused("default 1e400", "yaml", "operations:\n  - {type: ADD_COLUMN, table: keep, column: {name: c, type: BIGINT, default: 1e400}}\n",
                "out of range");
        refused("default -1e400 in JSON", "json", "{\"operations\": [{\"type\": \"ADD_COLUMN\", \"table\": \"keep\", \"column\":"
                + " {\"name\": \"c\", \"type\": \"BIGINT\", \"default\": -1e400}}]}", "out of range");
        refused("a 400-digit decimal", "yaml", "operations:\n  - {type: ADD_COLUMN, table: keep, column: {name: c, type: DOUBLE, default: "
                + "1" + "0".repeat(400) + ".5}}\n", "out of range");
        refused("NUL byte in YAML", "yaml", "description: a\u0000b\noperations: []\n", "line 1");
        refused("NUL byte in SQL", "sql", "CREATE TABLE a1 (id INT);\nINSERT INTO a1 VALUES (1);\u0000DROP TABLE keep;\n", "line 2");
        refused("NUL byte in JSON", "json", "{\"operations\": [],\n \"description\": \"a\u0000\"}", "line 2");
        refused("nullable as a string", "yaml", "operations:\n  - {type: ADD_COLUMN, table: keep, column: {name: c, type: INT, nullable: \"no\"}}\n",
                "operations[0].column.nullable");
        refused("default is a list", "yaml", "operations:\n  - {type: ADD_COLUMN, table: keep, column: {name: c, type: INT, default: [1, 2]}}\n",
                "operations[0].column.default");
        refused("referential action with SQL", "yaml", "operations:\n  - {type: ADD_FOREIGN_KEY, table: keep, foreign_key: {name: fk1,"
                + " columns: [id], references: {table: keep, columns: [id]}, on_delete: \"CASCADE; DROP TABLE keep\"}}\n",
                "operations[0].foreign_key.on_delete");
        accepted("control characters in the description", "yaml",
                "description: \"\\e[31mred\\e[0m\\nERROR forged log line\\r\"\noperations:\n  - " + createTable("a1") + "\n", "a1");
    }

    private void expressionFields() {
        String check = "operations:\n  - {type: ADD_CONSTRAINT, table: keep, constraint: {name: chk1, kind: CHECK, expression: \"%s\"}}\n";
        refused("CHECK that closes its parenthesis", "yaml", check.formatted("id > 0), CHECK (1 = 1"), "operations[0].constraint.expression");
        refused("CHECK with a semicolon", "yaml", check.formatted("id > 0; DROP TABLE keep"), "operations[0].constraint.expression");
        refused("CHECK with a comment", "yaml", check.formatted("id > 0 -- rest"), "operations[0].constraint.expression");
        refused("CHECK with an open quote", "yaml", check.formatted("id = 'a"), "operations[0].constraint.expression");
        refused("default sql with a semicolon", "yaml", "operations:\n  - {type: ADD_COLUMN, table: keep, column: {name: c, type: INT,"
                + " default: {sql: \"1; DROP TABLE keep\"}}}\n", "operations[0].column.default.sql");
        refused("index where with an unbalanced parenthesis", "yaml", "operations:\n  - {type: ADD_INDEX, table: keep, index: {name: i1,"
                + " columns: [id], where: \"id > 0)\"}}\n", "operations[0].index.where");
        either("CHECK calling lo_import", "yaml", "operations:\n  - " + createTable("a1").replace("}]}", "}], constraints: [{name: chk_a1,"
                + " kind: CHECK, expression: \"lo_import('/etc/passwd') > 0\"}]}") + "\n", "security-server-file-access", "a1");
        either("CHECK calling pg_read_file", "yaml", check.formatted("pg_read_file('/etc/passwd') <> ''"), "security-server-file-access");
        either("CHECK calling LOAD_FILE", "yaml", check.formatted("LOAD_FILE('/etc/passwd') IS NULL"), "security-server-file-access");
        either("default calling pg_read_file", "yaml", "operations:\n  - {type: ADD_COLUMN, table: keep, column: {name: c, type: TEXT,"
                + " default: {sql: \"pg_read_file('/etc/hostname')\"}}}\n", "security-server-file-access");
        either("partial index calling pg_ls_dir", "yaml", "operations:\n  - {type: ADD_INDEX, table: keep, index: {name: i1, columns: [id],"
                + " where: \"pg_ls_dir('.') IS NOT NULL\"}}\n", "security-server-file-access");
    }

    private void literals() {
        String column = "operations:\n  - {type: ADD_COLUMN, table: keep, column: {name: c, type: VARCHAR(100), default: %s}}\n";
        accepted("default ending its literal with a backslash", "yaml", column.formatted("\"\\\\'; CREATE TABLE pwned (x INT); -- \""));
        accepted("default with a doubled quote", "yaml", column.formatted("\"'; CREATE TABLE pwned (x INT); -- \""));
        accepted("default that is one backslash", "yaml", column.formatted("\"\\\\\""));
        accepted("default with a dollar quote", "yaml", column.formatted("\"$$; CREATE TABLE pwned (x INT); $$\""));
        accepted("default in a .json file", "json", "{\"operations\": [{\"type\": \"ADD_COLUMN\", \"table\": \"keep\", \"column\":"
                + " {\"name\": \"c\", \"type\": \"VARCHAR(100)\", \"default\": \"\\\\'; CREATE TABLE pwned (x INT); -- \"}}]}");
    }

    private void structure() {
        refused("operations is a mapping", "yaml", "operations: {type: DROP_TABLE, table: keep}\n", "operations");
        refused("operations is a string", "yaml", "operations: DROP TABLE keep\n", "operations");
        refused("operations missing", "yaml", "description: nothing\n", "operations");
        refused("unknown operation type", "yaml", "operations:\n  - {type: EXEC, sql: DROP TABLE keep}\n", "operations[0].type");
        refused("unknown key", "yaml", "operations:\n  - {type: DROP_TABLE, table: a1, cascade: true}\n", "operations[0].cascade");
        refused("unknown top-level key", "yaml", "operations: []\nbefore_sql: DROP TABLE keep\n", "before_sql");
        refused("dependency on a missing migration", "yaml", "dependencies: [0099_missing]\noperations: []\n", "0099_missing");
        refused("dependency on itself", "yaml", "dependencies: [0002_dependency_on_itself]\noperations: []\n", "0002_dependency_on_itself");
        refused("app with a path", "yaml", "app: \"../etc\"\noperations: []\n", "app");
        refused("per-dialect SQL for an unknown database", "yaml", "operations:\n  - {type: RUN_SQL, sql: {oracle: DROP TABLE keep}}\n",
                "operations[0].sql.oracle");
        refused("two YAML documents", "yaml", "operations: []\n---\noperations:\n  - {type: DROP_TABLE, table: keep}\n", "one document");
        refused("JSON with trailing content", "json", "{\"operations\": []} {\"operations\": [{\"type\": \"DROP_TABLE\", \"table\": \"keep\"}]}",
                "one document");
        refused("JSON with a comment", "json", "{\"operations\": [] /* , \"x\": 1 */}", "JSON");
        refused("YAML nested 100 deep", "yaml", "operations: []\ndescription: " + "[".repeat(100) + "]".repeat(100) + "\n", "nested deeper");
        refused("YAML alias bomb", "yaml", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\noperations: []\n", "alias");
        refused("YAML tag naming a class", "yaml", "description: !!java.lang.ProcessBuilder [\"touch\", \"/tmp/pwned\"]\noperations: []\n",
                "description");
        refused("a file of 5 MiB", "yaml", "description: \"" + "x".repeat(5 * 1024 * 1024) + "\"\noperations: []\n", "MiB");
        refused("not UTF-8", "sql", "CREATE TABLE a1 (id INT); -- <0xFF>\n", "UTF-8");
    }
}
