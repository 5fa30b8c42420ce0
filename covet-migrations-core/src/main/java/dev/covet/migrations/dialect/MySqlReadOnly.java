package dev.covet.migrations.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a MySQL or MariaDB connection can write. The variables differ between the two and their versions
 * ({@code super_read_only} is MySQL's, {@code tx_read_only} the older name of {@code transaction_read_only}), so
 * they are read with {@code SHOW VARIABLES}, which lists what exists and gives the session's values.
 */
final class MySqlReadOnly {

    private static final List<String> VARIABLES = List.of("read_only", "super_read_only", "innodb_read_only",
            "transaction_read_only", "tx_read_only");

    private MySqlReadOnly() {
    }

    static Optional<String> check(Connection c) throws SQLException {
        List<String> on = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW VARIABLES WHERE Variable_name IN ('" + String.join("', '", VARIABLES) + "')")) {
            while (rs.next()) {
                String value = rs.getString(2);
                if ("ON".equalsIgnoreCase(value) || "1".equals(value)) {
                    on.add("@@" + rs.getString(1));
                }
            }
        }
        if (on.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("accepts no writes (" + String.join(", ", on) + " is on; a replica?);"
                + " point covet at the primary, or at a user and session that may write");
    }
}
