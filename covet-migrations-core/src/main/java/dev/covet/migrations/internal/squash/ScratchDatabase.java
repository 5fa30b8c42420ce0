package dev.covet.migrations.internal.squash;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.dialect.MySqlDialect;
import dev.covet.migrations.dialect.PostgresDialect;
import dev.covet.migrations.dialect.SqliteDialect;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * An empty, disposable database of the application's kind for {@link SquashVerifier}: migrations applied to it
 * leave the application's own schema untouched, and closing it removes it. The connection it offers is current in
 * the scratch database (a SQLite memory database, a PostgreSQL schema first on the search path, a MySQL database
 * chosen as the catalog), so unqualified DDL lands there and the schema readers read it.
 */
public sealed interface ScratchDatabase extends AutoCloseable
        permits ScratchDatabase.SqliteMemory, ScratchDatabase.PostgresSchema, ScratchDatabase.MySqlDatabase {

    /** The connection to apply migrations on and read the schema from. */
    Connection connection();

    /** What the scratch database is, for people ("a temporary schema covet_squash_1a2b on the PostgreSQL server"). */
    String description();

    /** Drops the scratch database and gives the connection back as it was. */
    @Override
    void close() throws SQLException;

    /**
     * Creates a scratch database next to the application's.
     *
     * @param dialect the application's dialect
     * @param application the application's data source (the server a PostgreSQL or MySQL scratch database lives on)
     * @param namePrefix the start of the scratch database's name (Covet's table prefix)
     * @throws ScratchDatabaseUnavailableException when it cannot be created (no privilege, no driver)
     */
    static ScratchDatabase create(Dialect dialect, DataSource application, String namePrefix) {
        // The one branch on the database kind in squash: how a scratch database is made differs per server.
        String name = namePrefix + "squash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        if (dialect instanceof SqliteDialect) {
            return SqliteMemory.open();
        }
        if (dialect instanceof PostgresDialect) {
            return PostgresSchema.create(application, name.toLowerCase(Locale.ROOT));
        }
        if (dialect instanceof MySqlDialect) {
            return MySqlDatabase.create(application, name.toLowerCase(Locale.ROOT));
        }
        throw new ScratchDatabaseUnavailableException("no scratch database for dialect " + dialect.name());
    }

    /** A SQLite database in memory: gone when its connection closes. */
    final class SqliteMemory implements ScratchDatabase {

        private final Connection connection;

        private SqliteMemory(Connection connection) {
            this.connection = connection;
        }

        static SqliteMemory open() {
            try {
                return new SqliteMemory(DriverManager.getConnection("jdbc:sqlite::memory:"));
            } catch (SQLException e) {
                throw new ScratchDatabaseUnavailableException("cannot open an in-memory SQLite database: " + e.getMessage());
            }
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public String description() {
            return "an in-memory SQLite database";
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /**
     * A schema created on the application's PostgreSQL server, put first on the connection's search path (the
     * schema reader reads {@code current_schema()}), then dropped with all it holds.
     */
    final class PostgresSchema implements ScratchDatabase {

        private final Connection connection;
        private final String schema;
        private final String searchPath;
        private final boolean autoCommit;

        private PostgresSchema(Connection connection, String schema, String searchPath, boolean autoCommit) {
            this.connection = connection;
            this.schema = schema;
            this.searchPath = searchPath;
            this.autoCommit = autoCommit;
        }

        static PostgresSchema create(DataSource application, String schema) {
            Connection c = null;
            try {
                c = application.getConnection();
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(true);
                String searchPath;
                try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT current_setting('search_path')")) {
                    rs.next();
                    searchPath = rs.getString(1);
                }
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA \"" + schema + "\"");
                    // The application's schemas stay after it, so types and functions of extensions are still found.
                    s.execute("SET search_path TO \"" + schema + "\"" + (searchPath.isBlank() ? "" : ", " + searchPath));
                }
                return new PostgresSchema(c, schema, searchPath, autoCommit);
            } catch (SQLException e) {
                closeQuietly(c);
                throw new ScratchDatabaseUnavailableException("cannot create a temporary schema on the PostgreSQL server ("
                        + e.getMessage() + ")");
            }
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public String description() {
            return "a temporary schema " + schema + " on the application's PostgreSQL server";
        }

        @Override
        public void close() throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT set_config('search_path', '" + searchPath.replace("'", "''") + "', false)");
                s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
                connection.setAutoCommit(autoCommit);
            } finally {
                connection.close();
            }
        }
    }

    /**
     * A database created on the application's MySQL or MariaDB server with the application database's character
     * set, made the connection's catalog (the schema reader reads {@code DATABASE()}), then dropped.
     */
    final class MySqlDatabase implements ScratchDatabase {

        private final Connection connection;
        private final String database;
        private final String catalog;

        private MySqlDatabase(Connection connection, String database, String catalog) {
            this.connection = connection;
            this.database = database;
            this.catalog = catalog;
        }

        static MySqlDatabase create(DataSource application, String database) {
            Connection c = null;
            try {
                c = application.getConnection();
                String catalog = c.getCatalog();
                String charset = "";
                try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT DEFAULT_CHARACTER_SET_NAME,"
                        + " DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()")) {
                    if (rs.next()) {
                        charset = " CHARACTER SET " + rs.getString(1) + " COLLATE " + rs.getString(2);
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE `" + database + "`" + charset);
                }
                c.setCatalog(database);
                return new MySqlDatabase(c, database, catalog);
            } catch (SQLException e) {
                closeQuietly(c);
                throw new ScratchDatabaseUnavailableException("cannot create a temporary database on the MySQL/MariaDB"
                        + " server (" + e.getMessage() + ")");
            }
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public String description() {
            return "a temporary database " + database + " on the application's MySQL/MariaDB server";
        }

        @Override
        public void close() throws SQLException {
            try (Statement s = connection.createStatement()) {
                if (catalog != null) {
                    connection.setCatalog(catalog);
                }
                s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            } finally {
                connection.close();
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the scratch database was not made; its connection's close failing changes nothing
            }
        }
    }
}
