package dev.covet.migrations.testing;

import dev.covet.migrations.dialect.Dialect;

import java.io.IOException;
import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh, empty database for one test: a new PostgreSQL or MySQL database, or a new SQLite file. Closing it
 * drops the database. JUnit closes it after a parameterized test that received it.
 */
public final class TestDatabase implements AutoCloseable {

    private final String kind;
    private final String url;
    private final String user;
    private final String password;
    private final Runnable dropper;

    TestDatabase(String kind, String url, String user, String password, Runnable dropper) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.dropper = dropper;
    }

    /** {@code sqlite}, {@code postgresql} or {@code mysql}. */
    public String kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Dialect dialect() {
        return Dialect.forName(kind);
    }

    /** A new connection. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** A data source opening a new connection each time (no pool: tests see real connection behaviour). */
    public DataSource dataSource() {
        return ConnectionSource.of(url, this::connect);
    }

    /** The first column of the first row of a query (a COUNT, say), read on a new connection. */
    public long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs statements on a new connection (autocommit). */
    public void execute(String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    @Override
    public void close() {
        dropper.run();
    }

    @Override
    public String toString() {
        return kind;
    }

    static TestDatabase sqlite() {
        try {
            Path dir = Files.createTempDirectory("covet-test-");
            Path file = dir.resolve("test.db");
            return new TestDatabase("sqlite", "jdbc:sqlite:" + file, null, null, () -> {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(dir);
                } catch (Exception ignored) {
                    // a temp file left behind is harmless
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
