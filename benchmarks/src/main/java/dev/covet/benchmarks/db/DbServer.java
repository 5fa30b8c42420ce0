package dev.covet.benchmarks.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates and drops the databases runs use: {@code covet_bench_*} databases on the local PostgreSQL and MariaDB
 * servers (as the superuser with trust/empty password, else {@code covet/covet}), or files in a temp directory
 * for SQLite.
 */
public final class DbServer {

    private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String MYSQL_ADMIN = "jdbc:mysql://127.0.0.1:3306/";

    private final DbKind kind;
    private final Target admin;
    private final Path sqliteDir;

    private DbServer(DbKind kind, Target admin, Path sqliteDir) {
        this.kind = kind;
        this.admin = admin;
        this.sqliteDir = sqliteDir;
    }

    /**
     * Connects to the server of a kind.
     *
     * @param sqliteDir where SQLite files go (a fresh directory)
     * @throws SQLException when the server cannot be reached with either credential
     */
    public static DbServer open(DbKind kind, Path sqliteDir) throws SQLException {
        if (kind == DbKind.SQLITE) {
            return new DbServer(kind, null, sqliteDir);
        }
        String url = kind == DbKind.POSTGRES ? PG_ADMIN : MYSQL_ADMIN;
        List<Target> candidates = kind == DbKind.POSTGRES
                ? List.of(new Target(url, "postgres", ""), new Target(url, "covet", "covet"))
                : List.of(new Target(url, "root", ""), new Target(url, "covet", "covet"));
        SQLException last = null;
        for (Target t : candidates) {
            try (Connection c = t.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE covet_bench_probe");
                s.execute("DROP DATABASE covet_bench_probe");
                return new DbServer(kind, t, null);
            } catch (SQLException e) {
                last = e;
            }
        }
        throw last;
    }

    public DbKind kind() {
        return kind;
    }

    /** The server's product name and version. */
    public String version() throws SQLException {
        if (kind == DbKind.SQLITE) {
            Target t = create("covet_bench_version");
            try (Connection c = t.connect()) {
                DatabaseMetaData md = c.getMetaData();
                return "SQLite " + md.getDatabaseProductVersion() + " (sqlite-jdbc " + md.getDriverVersion() + ")";
            } finally {
                drop("covet_bench_version");
            }
        }
        try (Connection c = admin.connect()) {
            DatabaseMetaData md = c.getMetaData();
            return md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
        }
    }

    /** A new, empty database (dropped first if a crashed run left it). */
    public Target create(String name) throws SQLException {
        if (kind == DbKind.SQLITE) {
            drop(name);
            return new Target("jdbc:sqlite:" + sqliteFile(name), "", "");
        }
        drop(name);
        admin("CREATE DATABASE " + name);
        return at(name);
    }

    /** The coordinates of an existing database. */
    public Target at(String name) {
        return switch (kind) {
            case SQLITE -> new Target("jdbc:sqlite:" + sqliteFile(name), "", "");
            case POSTGRES -> new Target(admin.url().replace("/postgres", "/" + name), admin.user(), admin.password());
            case MYSQL -> new Target(admin.url() + name, admin.user(), admin.password());
        };
    }

    /** The SQLite file of a database name. */
    public Path sqliteFile(String name) {
        return sqliteDir.resolve(name + ".db");
    }

    /** Drops the database if it exists. */
    public void drop(String name) throws SQLException {
        if (kind == DbKind.SQLITE) {
            try {
                for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
                    Files.deleteIfExists(Path.of(sqliteFile(name) + suffix));
                }
            } catch (IOException e) {
                throw new SQLException("cannot delete " + sqliteFile(name), e);
            }
            return;
        }
        admin(kind == DbKind.POSTGRES ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)" : "DROP DATABASE IF EXISTS " + name);
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = admin.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
