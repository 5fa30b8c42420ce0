package dev.covet.migrations.internal.introspect;

import dev.covet.migrations.introspect.UncapturedObject;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** What {@link MySqlObjects} and the table reader leave out of the current MySQL/MariaDB database, each with why. */
final class MySqlUncaptured {

    private static final String QUERY = """
            SELECT 'partitioning', TABLE_NAME, CONCAT(COUNT(*), ' partitions (', MAX(PARTITION_METHOD), '): the baseline'
                   ' creates the table unpartitioned; add ALTER TABLE ... PARTITION BY in a RUN_SQL migration of your own')
            FROM information_schema.PARTITIONS
            WHERE TABLE_SCHEMA = DATABASE() AND PARTITION_NAME IS NOT NULL
            GROUP BY TABLE_NAME
            UNION ALL
            SELECT 'table charset', TABLE_NAME, CONCAT('the table is in ', TABLE_COLLATION, '; the baseline creates it in'
                   ' utf8mb4 (a column in another collation than its table keeps its own): convert it, or change the'
                   ' written migration by hand')
            FROM information_schema.TABLES
            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_COLLATION <>
                  (SELECT COLLATION_NAME FROM information_schema.COLLATIONS WHERE CHARACTER_SET_NAME = 'utf8mb4' AND IS_DEFAULT = 'Yes')
            UNION ALL
            SELECT 'comments', CONCAT(COUNT(*), ' on columns'), 'column COMMENTs are not captured'
            FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_COMMENT <> ''
            HAVING COUNT(*) > 0
            UNION ALL
            SELECT 'comments', CONCAT(COUNT(*), ' on tables'), 'table COMMENTs are not captured'
            FROM information_schema.TABLES
            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_COMMENT <> ''
            HAVING COUNT(*) > 0""";

    private MySqlUncaptured() {
    }

    static List<UncapturedObject> read(Connection connection) throws SQLException {
        return UncapturedRows.read(connection, QUERY);
    }
}
