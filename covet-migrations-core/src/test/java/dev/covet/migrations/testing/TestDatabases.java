package dev.covet.migrations.testing;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Where test databases come from. SQLite always (temp files). PostgreSQL and MySQL from
 * {@code COVET_TEST_POSTGRES_URL} / {@code COVET_TEST_MYSQL_URL} (with {@code _USER} and {@code _PASSWORD}),
 * else from Testcontainers when Docker is available; with neither the test is skipped with a message that
 * says so, except when {@code CI=true}, where a missing database fails the run.
 */
public final class TestDatabases {

    /** The three kinds every database test runs on. */
    public static final List<String> KINDS = List.of("sqlite", "postgresql", "mysql");

    private static final Map<String, Server> SERVERS = new ConcurrentHashMap<>();

    private TestDatabases() {
    }

    /** A fresh database of the kind; skips (or fails on CI) when the server is not available. */
    public static TestDatabase create(String kind) {
        if (kind.equals("sqlite")) {
            return TestDatabase.sqlite();
        }
        Server server = SERVERS.computeIfAbsent(kind, TestDatabases::locate);
        if (server.unavailable() != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but " + server.unavailable());
            }
            Assumptions.abort(server.unavailable());
        }
        return server.newDatabase();
    }

    private static Server locate(String kind) {
        String prefix = kind.equals("postgresql") ? "COVET_TEST_POSTGRES" : "COVET_TEST_MYSQL";
        String url = System.getenv(prefix + "_URL");
        if (url != null && !url.isBlank()) {
            String user = System.getenv(prefix + "_USER");
            String password = System.getenv(prefix + "_PASSWORD");
            try (Connection ignored = DriverManager.getConnection(url, user, password == null ? "" : password)) {
                return new Server(kind, url, user, password == null ? "" : password, null);
            } catch (SQLException e) {
                return new Server(kind, url, user, password, prefix + "_URL=" + url + " is set but cannot be reached: " + e.getMessage());
            }
        }
        return ContainerServers.start(kind)
                .orElseGet(() -> new Server(kind, null, null, null, "skipped: no " + kind + " for tests: set " + prefix
                        + "_URL (and _USER/_PASSWORD), or run where Docker is available for Testcontainers"));
    }

    /** A database server the tests may create databases on. */
    record Server(String kind, String adminUrl, String user, String password, String unavailable) {

        TestDatabase newDatabase() {
            String name = "covet_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            admin("CREATE DATABASE " + name);
            String url = withDatabase(adminUrl, name);
            return new TestDatabase(kind, url, user, password, () -> {
                try {
                    admin(kind.equals("postgresql") ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)" : "DROP DATABASE IF EXISTS " + name);
                } catch (RuntimeException ignored) {
                    // best effort: a leftover test database does not affect other tests
                }
            });
        }

        private void admin(String sql) {
            try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }

        /** The admin URL with its database replaced, keeping any query string. */
        static String withDatabase(String url, String database) {
            int query = url.indexOf('?');
            String base = query < 0 ? url : url.substring(0, query);
            String params = query < 0 ? "" : url.substring(query);
            int hostStart = base.indexOf("//") + 2;
            int slash = base.indexOf('/', hostStart);
            String hostPart = slash < 0 ? base : base.substring(0, slash);
            return hostPart + "/" + database + params;
        }
    }

    /** All kinds, for parameterized tests. */
    static List<String> kinds() {
        return new ArrayList<>(KINDS);
    }
}
