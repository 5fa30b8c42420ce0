package dev.covet.migrations.internal.tenant;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * One tenant's view of a shared server: every connection is switched to the tenant's PostgreSQL schema or MySQL
 * database, so the engine's unqualified names (the history table, the migrations' tables, {@code current_schema()}
 * and {@code DATABASE()} of the schema readers) all land in the tenant's own.
 */
public abstract sealed class ScopedDataSource implements DataSource {

    private final DataSource shared;
    private final String name;

    ScopedDataSource(DataSource shared, String name) {
        TenantNames.check(name);
        this.shared = shared;
        this.name = name;
    }

    /** A PostgreSQL schema: the search path becomes that schema alone. */
    public static ScopedDataSource postgresSchema(DataSource shared, String schema) {
        return new PostgresSchema(shared, schema);
    }

    /** A MySQL or MariaDB database: the connection's catalog. */
    public static ScopedDataSource mysqlDatabase(DataSource shared, String database) {
        return new MySqlDatabase(shared, database);
    }

    /** The schema or database. */
    public String name() {
        return name;
    }

    /**
     * What the lock is keyed by, in place of the table prefix alone: tenants' histories must not share a lock, or a
     * fleet would run one tenant at a time.
     */
    public abstract String lockScope(String tablePrefix);

    abstract Connection scope(Connection c) throws SQLException;

    /** The tenant's schema or database is not there: the message names the tenant, as every fleet message does. */
    SQLException missing(String what) {
        return new SQLException("tenant '" + name + "': there is no " + what + " '" + name + "' on the server; create it"
                + " before migrating the tenant");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return open(shared.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return open(shared.getConnection(username, password));
    }

    private Connection open(Connection c) throws SQLException {
        try {
            return scope(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    DataSource shared() {
        return shared;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return shared.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        shared.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        shared.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return shared.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return shared.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : shared.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || shared.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return name + " on " + shared;
    }

    /** A PostgreSQL schema. */
    private static final class PostgresSchema extends ScopedDataSource {

        PostgresSchema(DataSource shared, String schema) {
            super(shared, schema);
        }

        @Override
        public String lockScope(String tablePrefix) {
            return name() + "." + tablePrefix;
        }

        @Override
        Connection scope(Connection c) throws SQLException {
            // The schema alone, not followed by the old path: an unqualified name missing from the tenant must fail,
            // not quietly reach a table of the same name in public. One round trip reads the old path, checks the
            // schema exists and sets the new path (a fleet opens hundreds of these connections).
            String before;
            try (PreparedStatement p = c.prepareStatement("SELECT current_setting('search_path'),"
                    + " EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?), set_config('search_path', ?, false)")) {
                p.setString(1, name());
                p.setString(2, "\"" + name().replace("\"", "\"\"") + "\"");
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    before = rs.getString(1);
                    if (!rs.getBoolean(2)) {
                        restorePath(c, before);
                        throw missing("schema");
                    }
                }
            }
            boolean autoCommit = c.getAutoCommit();
            return new ScopedConnection(c, back -> {
                if (!back.getAutoCommit()) {
                    back.rollback();
                }
                restorePath(back, before);
                back.setAutoCommit(autoCommit);
            });
        }
    }

    private static void restorePath(Connection c, String path) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT set_config('search_path', ?, false)")) {
            p.setString(1, path);
            p.execute();
        }
    }

    /** A MySQL or MariaDB database. */
    private static final class MySqlDatabase extends ScopedDataSource {

        MySqlDatabase(DataSource shared, String database) {
            super(shared, database);
        }

        @Override
        public String lockScope(String tablePrefix) {
            // The named lock is keyed by the connection's catalog already, which is the tenant's database.
            return tablePrefix;
        }

        @Override
        Connection scope(Connection c) throws SQLException {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
                p.setString(1, name());
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw missing("database");
                    }
                }
            }
            String before = c.getCatalog();
            c.setCatalog(name());
            boolean autoCommit = c.getAutoCommit();
            return new ScopedConnection(c, back -> {
                if (!back.getAutoCommit()) {
                    back.rollback();
                }
                if (before != null) {
                    back.setCatalog(before);
                }
                back.setAutoCommit(autoCommit);
            });
        }
    }
}
