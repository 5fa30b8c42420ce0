package dev.covet.benchmarks.child;

import dev.covet.benchmarks.db.SimpleDataSource;
import dev.covet.benchmarks.db.Target;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.dialect.PostgresDialect;
import dev.covet.migrations.tenant.FleetResult;
import dev.covet.migrations.tenant.TenantFleet;
import dev.covet.migrations.tenant.TenantResult;
import dev.covet.migrations.tenant.TenantSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet scenario's calls: every PostgreSQL schema {@code bench_t_*} of the database migrated by Covet's
 * {@link TenantFleet} (parallelism 1 is the same work one tenant after another), or by a loop of Flyway
 * instances, one per schema, as a Flyway user would write it. Both list the schemas inside the clock.
 */
final class FleetCalls {

    static final String SCENARIO = "fleet";
    static final String PATTERN = "bench_t_*";

    private FleetCalls() {
    }

    /**
     * @param pool the size of the connection pool the fleet runs on (as an application's would), or 0 for none (a new
     *        connection each time)
     */
    static CallResult covet(Target target, Path dir, int parallelism, int pool) {
        long t0 = System.nanoTime();
        DataSource shared = dataSource(target, pool);
        MigrationRunner runner = MigrationRunner.builder(shared).dialect(new PostgresDialect())
                .locations("filesystem:" + dir).build();
        FleetResult result;
        try {
            result = new TenantFleet(runner, TenantSource.postgresSchemas(shared, PATTERN), parallelism).migrate();
        } finally {
            close(shared);
        }
        long nanos = System.nanoTime() - t0;
        int applied = result.tenants().stream().mapToInt(r -> r instanceof TenantResult.Applied a ? a.applied().size() : 0).sum();
        if (!result.succeeded()) {
            throw new IllegalStateException(result.failed().size() + " tenant(s) failed, first: " + result.failed().get(0));
        }
        return new CallResult(nanos, "tenants=" + result.tenants().size() + ",applied=" + applied + ",parallelism=" + parallelism
                + ",pool=" + pool);
    }

    /** Flyway, one schema after another: with its URL form ({@code pool} 0), or on the same pool as Covet's pooled rows. */
    static CallResult flywayLoop(Target target, Path dir, int pool) throws SQLException {
        long t0 = System.nanoTime();
        int applied = 0;
        List<String> schemas = schemas(target);
        DataSource pooled = pool > 0 ? dataSource(target, pool) : null;
        try {
            for (String schema : schemas) {
                var configuration = Flyway.configure();
                if (pooled != null) {
                    configuration.dataSource(pooled);
                } else {
                    configuration.dataSource(target.url(), target.user().isEmpty() ? null : target.user(), target.password());
                }
                applied += configuration.schemas(schema).locations("filesystem:" + dir).load().migrate().migrationsExecuted;
            }
        } finally {
            close(pooled);
        }
        return new CallResult(System.nanoTime() - t0, "tenants=" + schemas.size() + ",applied=" + applied + ",pool=" + pool);
    }

    private static DataSource dataSource(Target target, int pool) {
        if (pool <= 0) {
            return new SimpleDataSource(target);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(target.url());
        config.setUsername(target.user().isEmpty() ? null : target.user());
        config.setPassword(target.password());
        config.setMaximumPoolSize(pool);
        return new HikariDataSource(config);
    }

    private static void close(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            hikari.close();
        }
    }

    private static List<String> schemas(Target target) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Connection c = target.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bench\\_t\\_%' ORDER BY nspname")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }
}
