package dev.covet.migrations.tenant;

import javax.sql.DataSource;
import java.util.Objects;

/** How Covet reaches one tenant. */
public sealed interface TenantConnection {

    /**
     * A database of its own, behind a data source the application made.
     *
     * @param dataSource connects to the tenant's database
     */
    record OwnDataSource(DataSource dataSource) implements TenantConnection {
        public OwnDataSource {
            Objects.requireNonNull(dataSource, "dataSource");
        }
    }

    /**
     * A database of its own, reached by JDBC URL (a connection per use, no pool).
     *
     * @param url the JDBC URL
     * @param user the user, or {@code null}
     * @param password the password, or {@code null}
     */
    record JdbcUrl(String url, String user, String password) implements TenantConnection {
        public JdbcUrl {
            Objects.requireNonNull(url, "url");
        }

        /** Without the password. */
        @Override
        public String toString() {
            return "JdbcUrl[" + url + ", user=" + user + "]";
        }
    }

    /**
     * A schema (PostgreSQL) or database (MySQL, MariaDB) on a data source the tenants share: each connection Covet
     * takes is switched to it (PostgreSQL: the search path is this schema alone; MySQL: the connection's catalog) and
     * switched back before it is returned. The tenant's history table and lock are its own.
     *
     * @param shared the data source of the server the tenants share
     * @param name the schema or database
     */
    record SharedServer(DataSource shared, String name) implements TenantConnection {
        public SharedServer {
            Objects.requireNonNull(shared, "shared");
            Objects.requireNonNull(name, "name");
        }
    }
}
