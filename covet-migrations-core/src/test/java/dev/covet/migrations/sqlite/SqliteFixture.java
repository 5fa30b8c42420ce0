package dev.covet.migrations.sqlite;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.dialect.SqliteDialect;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.testing.ConnectionSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQLite database file with foreign keys enforced on every connection, a migrations directory, and ways to
 * look at both: the schema as the schema reader sees it, the raw {@code sqlite_master} text, and rows.
 */
public final class SqliteFixture {

    final Path dir;
    final String url;
    final Path migrations;
    private int next = 1;

    public SqliteFixture(Path tempDir) {
        this.dir = tempDir;
        this.url = "jdbc:sqlite:" + tempDir.resolve("test.db") + "?foreign_keys=true";
        this.migrations = tempDir.resolve("migrations");
        try {
            Files.createDirectories(migrations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    DataSource dataSource() {
        return ConnectionSource.of(url, this::connect);
    }

    /** A runner with forced rebuilds, as {@code covet.migrations.sqlite.force-table-rebuild=true} configures it. */
    public MigrationRunner forcedRunner() {
        return runner(new SqliteDialect(true), Duration.ofSeconds(30));
    }

    public MigrationRunner runner(SqliteDialect dialect, Duration lockTimeout) {
        return MigrationRunner.builder(dataSource()).dialect(dialect).locations("filesystem:" + migrations)
                .lockTimeout(lockTimeout).build();
    }

    /** Writes the next migration file ({@code 0001_name.yaml}, ...) and returns its id. */
    public String write(String name, String yaml) {
        String id = String.format("%04d_%s", next++, name);
        try {
            Files.writeString(migrations.resolve(id + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    /** Removes a migration file (after a failing migration that the test leaves behind). */
    void delete(String id) {
        try {
            Files.delete(migrations.resolve(id + ".yaml"));
            next--;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void execute(String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    public SchemaState schema() throws SQLException {
        try (Connection c = connect()) {
            return new SqliteDialect().schemaReader().read(c, "covet_");
        }
    }

    /** Every schema object's definition, as SQLite stores it. */
    public List<String> masterSql() throws SQLException {
        return rows("SELECT type || ' ' || name || ' ON ' || tbl_name || ': ' || IFNULL(sql, '(auto)') FROM sqlite_master ORDER BY type, name");
    }

    /** Each row of a query as one string ({@code a|b|c}); NULL shows as {@code <null>}. */
    public List<String> rows(String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    String v = rs.getString(i);
                    row.append(i > 1 ? "|" : "").append(v == null ? "<null>" : v);
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    public long count(String query) throws SQLException {
        return Long.parseLong(rows(query).get(0));
    }
}
