package dev.covet.migrations.testing;

import dev.covet.migrations.internal.tenant.ScopedDataSource;
import dev.covet.migrations.internal.tenant.UrlDataSource;
import dev.covet.migrations.tenant.TenantSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * N tenants on one test database's server, the way each database keeps them: PostgreSQL schemas {@code t_1..t_N} in
 * the test database, MySQL databases {@code <test database>_t1..N} (dropped on close), SQLite files by URL.
 */
public final class TenantTargets implements AutoCloseable {

    private final TestDatabase db;
    private final List<String> names = new ArrayList<>();
    private final Path sqliteDir;
    private final String mysqlPrefix;

    public TenantTargets(TestDatabase db, int count) throws SQLException, IOException {
        this.db = db;
        this.sqliteDir = db.kind().equals("sqlite") ? Files.createTempDirectory("covet-fleet-") : null;
        this.mysqlPrefix = db.kind().equals("mysql") ? databaseOf(db.url()) + "_t" : null;
        for (int i = 1; i <= count; i++) {
            String name = switch (db.kind()) {
                case "postgresql" -> "t_" + i;
                case "mysql" -> mysqlPrefix + i;
                default -> "t_" + i;
            };
            names.add(name);
            if (db.kind().equals("postgresql")) {
                db.execute("CREATE SCHEMA " + name);
            } else if (db.kind().equals("mysql")) {
                db.execute("CREATE DATABASE " + name);
            }
        }
    }

    public List<String> names() {
        return names;
    }

    public String name(int i) {
        return names.get(i - 1);
    }

    /** The built-in source that finds these tenants. */
    public TenantSource source() {
        return switch (db.kind()) {
            case "postgresql" -> TenantSource.postgresSchemas(db.dataSource(), "t_*");
            case "mysql" -> TenantSource.mysqlDatabases(db.dataSource(), mysqlPrefix + "*");
            default -> TenantSource.urls(names.stream().map(this::sqliteUrl).toList(), null, null);
        };
    }

    /** The {@code covet.migrations.tenants.*} settings that find these tenants. */
    public List<String> properties() {
        return switch (db.kind()) {
            case "postgresql" -> List.of("covet.migrations.tenants.enabled=true", "covet.migrations.tenants.schema-pattern=t_*");
            case "mysql" -> List.of("covet.migrations.tenants.enabled=true", "covet.migrations.tenants.database-pattern=" + mysqlPrefix + "*");
            default -> List.of("covet.migrations.tenants.enabled=true",
                    "covet.migrations.tenants.urls=" + String.join(",", names.stream().map(this::sqliteUrl).toList()));
        };
    }

    private String sqliteUrl(String name) {
        return "jdbc:sqlite:" + sqliteDir.resolve(name + ".db");
    }

    /** Where tenant {@code i} lives, as the fleet reaches it (for locking it from outside). */
    public DataSource dataSource(int i) {
        return switch (db.kind()) {
            case "postgresql" -> ScopedDataSource.postgresSchema(db.dataSource(), name(i));
            case "mysql" -> ScopedDataSource.mysqlDatabase(db.dataSource(), name(i));
            default -> new UrlDataSource(sqliteUrl(name(i)), null, null);
        };
    }

    /** The lock scope the engine keys tenant {@code i}'s lock by. */
    public String lockScope(int i) {
        return dataSource(i) instanceof ScopedDataSource s ? s.lockScope("covet_") : "covet_";
    }

    /** A source of some of these tenants, in the order given. */
    public TenantSource only(int... which) throws SQLException {
        List<dev.covet.migrations.tenant.Tenant> all = source().tenants();
        List<dev.covet.migrations.tenant.Tenant> some = new ArrayList<>();
        for (int i : which) {
            String name = name(i);
            some.add(all.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow());
        }
        return TenantSource.of(some);
    }

    /**
     * Per tenant, the database's own count of its tables and of its history rows ("no history table" without one):
     * equal before and after, nothing was created, dropped or recorded.
     */
    public List<String> snapshot() throws SQLException {
        String tables = switch (db.kind()) {
            case "postgresql" -> "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()";
            case "mysql" -> "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()";
            default -> "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'";
        };
        List<String> snapshot = new ArrayList<>();
        for (int i = 1; i <= names.size(); i++) {
            long tableCount = count(i, tables);
            String history;
            try {
                history = count(i, "SELECT COUNT(*) FROM covet_migrations") + " history rows";
            } catch (SQLException e) {
                history = "no history table";
            }
            snapshot.add(name(i) + ": " + tableCount + " tables, " + history);
        }
        return snapshot;
    }

    /** Runs statements in tenant {@code i}. */
    public void execute(int i, String... sql) throws SQLException {
        try (Connection c = dataSource(i).getConnection(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** A count in tenant {@code i}. */
    public long count(int i, String sql) throws SQLException {
        try (Connection c = dataSource(i).getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Whether tenant {@code i} has the table. */
    public boolean hasTable(int i, String table) throws SQLException {
        try (Connection c = dataSource(i).getConnection()) {
            return db.dialect().schemaReader().read(c, "covet_").tables().containsKey(table);
        }
    }

    @Override
    public void close() throws Exception {
        if (db.kind().equals("mysql")) {
            for (String name : names) {
                db.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
        if (sqliteDir != null) {
            try (var files = Files.list(sqliteDir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(sqliteDir);
        }
    }

    static String databaseOf(String url) {
        String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return base.substring(base.lastIndexOf('/') + 1);
    }
}
