package dev.covet.migrations.tenant;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The schemas or databases of one server whose names match a pattern, read from its catalog at each run. */
final class CatalogTenantSource implements TenantSource {

    static final String POSTGRES_SCHEMAS = "SELECT nspname FROM pg_namespace"
            + " WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY nspname";

    static final String MYSQL_DATABASES = "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
            + " WHERE SCHEMA_NAME NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys') ORDER BY SCHEMA_NAME";

    private final DataSource shared;
    private final NamePattern pattern;
    private final String query;

    CatalogTenantSource(DataSource shared, NamePattern pattern, String query) {
        this.shared = shared;
        this.pattern = pattern;
        this.query = query;
    }

    @Override
    public List<Tenant> tenants() throws SQLException {
        List<Tenant> tenants = new ArrayList<>();
        try (Connection c = shared.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (pattern.matches(name)) {
                    tenants.add(Tenant.onSharedServer(shared, name));
                }
            }
        }
        return tenants;
    }

    @Override
    public String toString() {
        return "tenants matching '" + pattern.text() + "'";
    }
}
