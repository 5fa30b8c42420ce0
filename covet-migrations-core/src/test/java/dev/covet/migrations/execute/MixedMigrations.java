package dev.covet.migrations.execute;

import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Migrations mixing schema changes and large data statements, for the MySQL kill drills, and what one clean run
 * leaves: the schema, digests of every table's rows, and the history. {@code digitTables} cross-joined copies of
 * the ten digits make the INSERT ... SELECT (4 gives 10,000 rows; 5 gives 100,000).
 */
final class MixedMigrations {

    private MixedMigrations() {
    }

    static MigrationFiles write(MigrationFiles files, int digitTables) {
        StringBuilder from = new StringBuilder();
        StringBuilder id = new StringBuilder();
        for (int k = 0; k < digitTables; k++) {
            from.append(k == 0 ? "" : ", ").append("digits d").append(k);
            id.append(k == 0 ? "" : " + ").append("d").append(k).append(".d * ").append((long) Math.pow(10, k));
        }
        files.write("0001_digits.yaml", """
                operations:
                  - {type: CREATE_TABLE, table: digits, columns: [{name: d, type: INT, nullable: false, primary_key: true}]}
                  - type: RUN_SQL
                    sql: INSERT INTO digits (d) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)
                    reverse_sql: DELETE FROM digits
                """);
        files.write("0002_mixed.yaml", """
                operations:
                  - type: CREATE_TABLE
                    table: big
                    columns:
                      - {name: id, type: BIGINT, nullable: false, primary_key: true}
                      - {name: v, type: INT, nullable: false}
                      - {name: note, type: VARCHAR(20)}
                  - type: RUN_SQL
                    sql: INSERT INTO big (id, v) SELECT %s, MOD(d1.d * 7 + d2.d * 3, 50) FROM %s
                    reverse_sql: DELETE FROM big
                  - {type: ADD_INDEX, table: big, index: {name: idx_big_v, columns: [v]}}
                  - type: RUN_SQL
                    sql: UPDATE big SET note = 'seven' WHERE v = 7
                    reverse_sql: UPDATE big SET note = NULL
                  - {type: ADD_COLUMN, table: big, column: {name: flag, type: INT, nullable: false, default: 0}}
                  - type: CREATE_TABLE
                    table: summary
                    columns:
                      - {name: v, type: INT, nullable: false, primary_key: true}
                      - {name: n, type: BIGINT, nullable: false}
                  - type: RUN_SQL
                    sql: INSERT INTO summary (v, n) SELECT v, COUNT(*) FROM big GROUP BY v
                    reverse_sql: DELETE FROM summary
                  - {type: RENAME_COLUMN, table: big, column: note, new_name: label}
                  - type: RUN_SQL
                    sql: CREATE INDEX idx_summary_n ON summary (n)
                    reverse_sql: DROP INDEX idx_summary_n ON summary
                  - type: RUN_SQL
                    sql: UPDATE big SET flag = 1 WHERE MOD(id, 3) = 0
                    reverse_sql: UPDATE big SET flag = 0
                """.formatted(id, from));
        files.write("0003_single.yaml", """
                operations:
                  - {type: CREATE_TABLE, table: solo, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
                """);
        return files;
    }

    /** Everything a run leaves that must be the same after any kill and restart. */
    static List<String> outcome(TestDatabase db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect()) {
            out.add(String.valueOf(db.dialect().schemaReader().read(c, "covet_")));
            out.add(one(c, "SELECT COUNT(*), SUM(d) FROM digits"));
            out.add(one(c, "SELECT COUNT(*), SUM(id), SUM(v), SUM(label IS NOT NULL), SUM(flag) FROM big"));
            out.add(one(c, "SELECT COUNT(*), SUM(v * n) FROM summary"));
            out.add(one(c, "SELECT COUNT(*) FROM solo"));
            out.add(one(c, "SELECT GROUP_CONCAT(CONCAT(name, ':', state, ':', statements_done) ORDER BY id) FROM covet_migrations"));
        }
        return out;
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                sb.append(i == 1 ? "" : " ").append(rs.getString(i));
            }
            return sb.toString();
        }
    }
}
