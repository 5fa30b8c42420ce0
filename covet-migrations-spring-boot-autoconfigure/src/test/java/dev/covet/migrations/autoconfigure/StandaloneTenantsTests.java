package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.tenant.FleetResult;
import dev.covet.migrations.tenant.TenantResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tenants of {@code covet.migrations.tenants.*} built without an application context, as the Maven plugin does. */
class StandaloneTenantsTests {

    @TempDir
    Path dir;

    @Test
    void tenantsAreBuiltFromTheConfigurationAndEachIsAuditedInItsOwnDatabase() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_customers.yaml"), """
                operations:
                  - {type: CREATE_TABLE, table: customers, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
                """);
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:sqlite:" + dir.resolve("app.db"))
                .withProperty("covet.migrations.locations", "filesystem:" + migrations)
                .withProperty("covet.migrations.tenants.enabled", "true")
                .withProperty("covet.migrations.tenants.urls", "jdbc:sqlite:" + dir.resolve("eu.db") + ",jdbc:sqlite:" + dir.resolve("us.db"));
        StandaloneCovetMigrations covet = StandaloneCovetMigrations.of(environment, getClass().getClassLoader(), List.of());

        FleetResult result = covet.tenants().migrate();
        assertThat(result.tenants()).extracting(TenantResult::tenant).containsExactly("eu", "us");
        assertThat(result.tenants()).allSatisfy(r -> assertThat(r).isInstanceOf(TenantResult.Applied.class));
        for (String tenant : List.of("eu", "us")) {
            assertThat(count(dir.resolve(tenant + ".db"), "SELECT COUNT(*) FROM covet_migrations")).isEqualTo(1);
            assertThat(count(dir.resolve(tenant + ".db"), "SELECT COUNT(*) FROM covet_migration_audit")).isEqualTo(1);
        }
        assertThat(Files.exists(dir.resolve("app.db")) ? count(dir.resolve("app.db"),
                "SELECT COUNT(*) FROM sqlite_master WHERE name = 'covet_migrations'") : 0).isZero();

        MockEnvironment without = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:sqlite:" + dir.resolve("app.db"));
        assertThat(StandaloneCovetMigrations.of(without, getClass().getClassLoader(), List.of()).tenants()).isNull();
    }

    private static long count(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
