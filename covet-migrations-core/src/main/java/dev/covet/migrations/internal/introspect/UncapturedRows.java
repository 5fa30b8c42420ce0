package dev.covet.migrations.internal.introspect;

import dev.covet.migrations.introspect.UncapturedObject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs a query whose rows are (kind, name, why) of what a baseline leaves out. */
final class UncapturedRows {

    private UncapturedRows() {
    }

    static List<UncapturedObject> read(Connection connection, String query) throws SQLException {
        List<UncapturedObject> found = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                found.add(new UncapturedObject(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return found;
    }
}
