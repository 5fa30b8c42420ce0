package dev.covet.benchmarks.db;

import org.sqlite.JDBC;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * Where one run connects: a JDBC URL and credentials (empty strings for none).
 *
 * @param url JDBC URL
 * @param user user, or empty
 * @param password password, or empty
 */
public record Target(String url, String user, String password) {

    /**
     * A new connection, from the URL's driver directly (as a pool given a driver class does), so a run does not
     * pay for DriverManager loading every driver on the class path.
     */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        if (!user.isEmpty()) {
            props.setProperty("user", user);
            props.setProperty("password", password);
        }
        Connection c = driver().connect(url, props);
        if (c == null) {
            throw new SQLException("the driver does not accept " + url);
        }
        return c;
    }

    private Driver driver() throws SQLException {
        if (url.startsWith("jdbc:postgresql:")) {
            return new org.postgresql.Driver();
        }
        if (url.startsWith("jdbc:mysql:")) {
            return new com.mysql.cj.jdbc.Driver();
        }
        if (url.startsWith("jdbc:sqlite:")) {
            return new JDBC();
        }
        throw new SQLException("no driver for " + url);
    }

    /** As child-process arguments. */
    public List<String> toArgs() {
        return List.of("url=" + url, "user=" + user, "password=" + password);
    }
}
