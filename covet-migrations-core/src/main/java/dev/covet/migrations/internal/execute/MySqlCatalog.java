package dev.covet.migrations.internal.execute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Checks {@link CatalogFact}s in MySQL's information_schema, for the connection's current database. */
final class MySqlCatalog {

    private MySqlCatalog() {
    }

    /** Whether the fact holds now (the thing is present, or absent, as the fact says). */
    static boolean holds(Connection c, CatalogFact fact) throws SQLException {
        boolean exists;
        if (fact instanceof CatalogFact.Table t) {
            exists = exists(c, "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?",
                    t.table());
        } else if (fact instanceof CatalogFact.Column col) {
            exists = exists(c, "SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME = ? AND COLUMN_NAME = ?", col.table(), col.column());
        } else if (fact instanceof CatalogFact.Index i) {
            exists = index(c, i.table(), i.index());
        } else {
            CatalogFact.Constraint k = (CatalogFact.Constraint) fact;
            // A UNIQUE constraint is an index: DROP CONSTRAINT of one leaves neither.
            exists = exists(c, "SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME = ? AND CONSTRAINT_NAME = ?", k.table(), k.name())
                    || (!k.present() && index(c, k.table(), k.name()));
        }
        return exists == fact.present();
    }

    private static boolean index(Connection c, String table, String index) throws SQLException {
        return exists(c, "SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = ? AND INDEX_NAME = ?", table, index);
    }

    private static boolean exists(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setString(i + 1, params[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }
}
