package dev.covet.migrations.internal.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code PRAGMA foreign_key_check} for rebuilt tables (step 10): their own foreign keys, and those of the
 * tables that reference them. Foreign keys are off during a rebuild, so this is what keeps a rebuild from
 * committing rows that point nowhere.
 */
final class ForeignKeyCheck {

    private static final int SHOWN = 10;

    private ForeignKeyCheck() {
    }

    /**
     * @throws SQLException listing the violating rows (table, rowid, parent table) when there are any
     */
    static void verify(Connection c, Set<String> rebuilt) throws SQLException {
        // A table rebuilt and then dropped in the same migration has nothing left to check.
        Set<String> tables = existing(c, rebuilt);
        tables.addAll(referencing(c, tables));
        List<String> violations = new ArrayList<>();
        long total = 0;
        for (String table : tables) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA foreign_key_check(\"" + table.replace("\"", "\"\"") + "\")")) {
                while (rs.next()) {
                    total++;
                    if (violations.size() < SHOWN) {
                        violations.add(rs.getString(1) + " rowid " + rs.getLong(2) + " references a missing row in " + rs.getString(3));
                    }
                }
            }
        }
        if (total > 0) {
            throw new SQLException("rebuild of table " + String.join(", ", rebuilt) + ": " + total + " row(s) violate foreign keys ("
                    + String.join("; ", violations) + (total > SHOWN ? "; ..." : "") + "). Fix or delete those rows first.");
        }
    }

    private static Set<String> existing(Connection c, Set<String> tables) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ? COLLATE NOCASE")) {
            for (String table : tables) {
                p.setString(1, table);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        out.add(table);
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> referencing(Connection c, Set<String> parents) throws SQLException {
        Set<String> children = new LinkedHashSet<>();
        try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT m.name, fk.\"table\" FROM sqlite_schema m"
                + " JOIN pragma_foreign_key_list(m.name) fk WHERE m.type = 'table'");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                String parent = rs.getString(2);
                if (parents.stream().anyMatch(t -> t.equalsIgnoreCase(parent))) {
                    children.add(rs.getString(1));
                }
            }
        }
        return children;
    }
}
