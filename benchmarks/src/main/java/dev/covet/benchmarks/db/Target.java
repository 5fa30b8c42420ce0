package dev.covet.benchmarks.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * Where one run connects: a JDBC URL and credentials (empty strings for none).
 *
 * @param url JDBC URL
 * @param user user, or empty
 * @param password password, or empty
 */
public record Target(String url, String user, String password) {

    /** A new connection. */
    public Connection connect() throws SQLException {
        return user.isEmpty() ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    /** As child-process arguments. */
    public List<String> toArgs() {
        return List.of("url=" + url, "user=" + user, "password=" + password);
    }
}
