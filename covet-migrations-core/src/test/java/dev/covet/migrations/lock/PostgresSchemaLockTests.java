package dev.covet.migrations.lock;

import dev.covet.migrations.dialect.PostgresDialect;
import dev.covet.migrations.testing.ConnectionSource;
import dev.covet.migrations.testing.TestDatabase;
import dev.covet.migrations.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL's migration lock with schema tenants: a fleet's tenant and a plain runner whose search path points at
 * the same schema exclude each other (they share that schema's history); two tenants do not; two plain runners still
 * do, whatever their schemas (the database key every version takes).
 */
class PostgresSchemaLockTests {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration ENOUGH = Duration.ofSeconds(5);

    @Test
    void aTenantAndAPlainRunnerOnItsSchemaExcludeEachOtherAndTenantsDoNot() throws Exception {
        try (TestDatabase db = TestDatabases.create("postgresql")) {
            db.execute("CREATE SCHEMA t1", "CREATE SCHEMA t2");
            PostgresDialect dialect = new PostgresDialect();
            MigrationLock tenant1 = dialect.tenantLock(db.dataSource(), "t1.covet_");
            MigrationLock tenant2 = dialect.tenantLock(db.dataSource(), "t2.covet_");
            MigrationLock plainOnT1 = dialect.lock(onSchema(db, "t1"), "covet_");
            MigrationLock plainOnT2 = dialect.lock(onSchema(db, "t2"), "covet_");

            try (MigrationLock.Held held = tenant1.acquire(ENOUGH)) {
                assertThatThrownBy(() -> plainOnT1.acquire(SHORT).close()).isInstanceOf(MigrationLockTimeoutException.class)
                        .hasMessageContaining("held by PostgreSQL backend pid");
                tenant2.acquire(ENOUGH).close();
                assertThat(plainOnT1.describe()).startsWith("PostgreSQL backend pid");
            }
            try (MigrationLock.Held held = plainOnT1.acquire(ENOUGH)) {
                assertThatThrownBy(() -> tenant1.acquire(SHORT).close()).isInstanceOf(MigrationLockTimeoutException.class);
                assertThatThrownBy(() -> plainOnT2.acquire(SHORT).close()).isInstanceOf(MigrationLockTimeoutException.class);
                tenant2.acquire(ENOUGH).close();
            }
            plainOnT2.acquire(ENOUGH).close();
            assertThat(plainOnT1.describe()).isEqualTo("free");
        }
    }

    /** A plain runner's data source whose connections use one schema, as an application configured per tenant. */
    private static DataSource onSchema(TestDatabase db, String schema) {
        return ConnectionSource.of(db.url() + "?currentSchema=" + schema, () -> {
            Connection c = db.connect();
            try (Statement s = c.createStatement()) {
                s.execute("SET search_path TO " + schema);
            }
            return c;
        });
    }
}
