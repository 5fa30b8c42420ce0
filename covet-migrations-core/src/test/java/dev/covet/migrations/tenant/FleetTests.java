package dev.covet.migrations.tenant;

import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.lock.MigrationLock;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import dev.covet.migrations.testing.TenantTargets;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A fleet of tenants on each database: parallel runs, failures that stop one tenant, re-runs, the summary. */
class FleetTests {

    static final String CUSTOMERS = """
            operations:
              - {type: CREATE_TABLE, table: customers, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
            """;
    static final String EMAIL = """
            operations:
              - {type: ADD_COLUMN, table: customers, column: {name: email, type: VARCHAR(100), nullable: true}}
            """;
    static final String ORDERS = """
            operations:
              - {type: CREATE_TABLE, table: orders, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
            """;

    static MigrationFiles files() {
        return new MigrationFiles().write("0001_customers.yaml", CUSTOMERS).write("0002_email.yaml", EMAIL)
                .write("0003_orders.yaml", ORDERS);
    }

    private static final MigrationId FIRST = MigrationId.parse("0001_customers", MigrationId.DEFAULT_APP);
    private static final MigrationId SECOND = MigrationId.parse("0002_email", MigrationId.DEFAULT_APP);
    private static final MigrationId THIRD = MigrationId.parse("0003_orders", MigrationId.DEFAULT_APP);

    @org.junit.jupiter.api.Test
    void aSourceThatCannotListStopsTheRunBeforeAnyTenantNamingTheSource() {
        MigrationRunner runner = MigrationRunner.builder(new dev.covet.migrations.internal.tenant.UrlDataSource("jdbc:sqlite::memory:", null, null)).build();
        TenantSource broken = new TenantSource() {
            @Override
            public List<Tenant> tenants() throws java.sql.SQLException {
                throw new java.sql.SQLException("registry down");
            }

            @Override
            public String toString() {
                return "the tenant registry";
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TenantFleet(runner, broken, 2).migrate())
                .isInstanceOf(TenantListingException.class).hasMessageContaining("the tenant registry").hasMessageContaining("registry down");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TenantFleet(runner, broken, 0))
                .hasMessageContaining("at least 1");
    }

    @AllDatabases
    void everyTenantGetsTheMigrationsAndAHistoryOfItsOwn(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = files(); TenantTargets targets = new TenantTargets(db, 5)) {
            java.util.Map<String, java.util.List<MigrationId>> told = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.List<MigrationId> toldTheApplication = new java.util.concurrent.CopyOnWriteArrayList<>();
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location())
                    .listener(new dev.covet.migrations.MigrationListener() {
                        @Override
                        public void onSuccess(dev.covet.migrations.MigrationEvent event) {
                            toldTheApplication.add(event.id());
                        }
                    }).build();
            TenantListeners listeners = (tenant, dataSource, dialect) -> List.of(new dev.covet.migrations.MigrationListener() {
                @Override
                public void onSuccess(dev.covet.migrations.MigrationEvent event) {
                    told.computeIfAbsent(tenant + "/" + dialect.name(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(event.id());
                }
            });
            FleetResult result = new TenantFleet(runner, targets.source(), 3, listeners).migrate();
            // Each tenant's run told its own listeners, with its dialect; the application's listeners heard nothing.
            assertThat(told).hasSize(5).allSatisfy((tenant, ids) -> {
                assertThat(tenant).endsWith("/" + db.dialect().name());
                assertThat(ids).containsExactly(FIRST, SECOND, THIRD);
            });
            assertThat(toldTheApplication).isEmpty();

            assertThat(result.tenants()).extracting(TenantResult::tenant).containsExactlyElementsOf(targets.names());
            assertThat(result.tenants()).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(TenantResult.Applied.class,
                    a -> assertThat(a.applied()).containsExactly(FIRST, SECOND, THIRD)));
            assertThat(result.succeeded()).isTrue();
            for (int i = 1; i <= 5; i++) {
                assertThat(targets.count(i, "SELECT COUNT(*) FROM covet_migrations")).as(targets.name(i)).isEqualTo(3);
                assertThat(targets.hasTable(i, "orders")).as(targets.name(i)).isTrue();
            }
            if (!db.kind().equals("sqlite")) {
                // The tenants live beside the application's own database, which the fleet leaves alone.
                assertThat(runner.status().applied()).isEmpty();
            }
            assertThat(new TenantFleet(runner, targets.source(), 3).migrate().tenants())
                    .allSatisfy(r -> assertThat(r).isInstanceOf(TenantResult.UpToDate.class));
        }
    }

    @AllDatabases
    void aFailingTenantStopsAloneIsReportedAndTheNextRunContinuesIt(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = files(); TenantTargets targets = new TenantTargets(db, 4)) {
            // Tenant 2 already has an orders table: 0003 cannot create it there.
            targets.execute(2, "CREATE TABLE orders (id INTEGER)");
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
            TenantFleet fleet = new TenantFleet(runner, targets.source(), 2);

            FleetResult first = fleet.migrate();
            assertThat(first.succeeded()).isFalse();
            assertThat(first.failed()).singleElement().satisfies(f -> {
                assertThat(f.tenant()).isEqualTo(targets.name(2));
                assertThat(f.migration()).isEqualTo(THIRD);
                assertThat(f.error()).contains("0003_orders").containsIgnoringCase("orders");
            });
            assertThat(first.tenants()).filteredOn(r -> !r.tenant().equals(targets.name(2)))
                    .hasSize(3).allSatisfy(r -> assertThat(r).isInstanceOf(TenantResult.Applied.class));
            assertThat(targets.count(2, "SELECT COUNT(*) FROM covet_migrations WHERE state = 'APPLIED'")).isEqualTo(2);

            FleetStatus status = fleet.status();
            assertThat(status.byLastApplied()).isEqualTo(Map.of(THIRD.toString(), 3, SECOND.toString(), 1));
            assertThat(status.upToDate()).isEqualTo(3);
            assertThat(status.tenants()).filteredOn(t -> !t.isUpToDate()).singleElement().satisfies(t -> {
                assertThat(t.tenant()).isEqualTo(targets.name(2));
                assertThat(t.lastApplied()).isEqualTo(SECOND);
                assertThat(t.applied()).isEqualTo(2);
            });

            targets.execute(2, "DROP TABLE orders");
            FleetResult second = fleet.migrate();
            assertThat(second.succeeded()).isTrue();
            assertThat(second.tenants()).filteredOn(r -> r.tenant().equals(targets.name(2))).singleElement()
                    .isInstanceOfSatisfying(TenantResult.Applied.class, a -> assertThat(a.applied()).containsExactly(THIRD));
            assertThat(second.tenants()).filteredOn(r -> !r.tenant().equals(targets.name(2)))
                    .allSatisfy(r -> assertThat(r).isInstanceOf(TenantResult.UpToDate.class));
            assertThat(fleet.status().byLastApplied()).isEqualTo(Map.of(THIRD.toString(), 4));
        }
    }

    @AllDatabases
    void eachTenantHasALockOfItsOwn(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = files(); TenantTargets targets = new TenantTargets(db, 3)) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location())
                    .lockTimeout(Duration.ofSeconds(1)).build();
            // Another process migrating tenant 1 holds its lock: tenant 1 waits in vain, the others are not held up.
            MigrationLock lock = db.dialect().lock(targets.dataSource(1), targets.lockScope(1));
            try (MigrationLock.Held ignored = lock.acquire(Duration.ofSeconds(5))) {
                FleetResult result = new TenantFleet(runner, targets.source(), 3).migrate();
                assertThat(result.failed()).singleElement().satisfies(f -> {
                    assertThat(f.tenant()).isEqualTo(targets.name(1));
                    assertThat(f.migration()).isNull();
                    assertThat(f.error()).contains("lock");
                });
                assertThat(result.tenants()).filteredOn(TenantResult.Applied.class::isInstance).hasSize(2);
            }
            assertThat(new TenantFleet(runner, targets.source(), 3).migrate().succeeded()).isTrue();
        }
    }

    @AllDatabases
    void hostileOrMissingNamesAreRefusedNamingTheTenantAndTheOthersGoOn(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = files(); TenantTargets targets = new TenantTargets(db, 1)) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
            List<Tenant> tenants = new java.util.ArrayList<>(targets.source().tenants());
            tenants.add(Tenant.onSharedServer(db.dataSource(), "x\"; DROP SCHEMA public CASCADE; --"));
            tenants.add(Tenant.onSharedServer(db.dataSource(), "../etc"));
            tenants.add(Tenant.onSharedServer(db.dataSource(), "a`b"));
            tenants.add(Tenant.ofUrl("it's", db.url(), db.user(), db.password()));
            FleetResult result = new TenantFleet(runner, TenantSource.of(tenants), 2).migrate();

            assertThat(result.tenants().get(0)).isInstanceOf(TenantResult.Applied.class);
            assertThat(result.failed()).hasSize(4).allSatisfy(f -> {
                assertThat(f.error()).contains("tenant '" + f.tenant() + "' refused");
                assertThat(f.migration()).isNull();
            });
            // Nothing ran in the application's database, and the injected statement did not run.
            assertThat(runner.status().applied()).isEmpty();
            if (db.kind().equals("postgresql")) {
                assertThat(targets.count(1, "SELECT COUNT(*) FROM pg_namespace WHERE nspname = 'public'")).isEqualTo(1);
            }
            if (!db.kind().equals("sqlite")) {
                FleetResult missing = new TenantFleet(runner, TenantSource.of(List.of(Tenant.onSharedServer(db.dataSource(), "t_missing"))), 1).migrate();
                assertThat(missing.failed()).singleElement().satisfies(f ->
                        assertThat(f.error()).contains("tenant 't_missing'").contains("no " + (db.kind().equals("postgresql") ? "schema" : "database") + " 't_missing'"));
            }
        }
    }

    @AllDatabases
    void aSchemaFoundByThePatternWithAHostileNameIsRefusedAndListedAsFailed(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = files(); TenantTargets targets = new TenantTargets(db, 2)) {
            String hostile = switch (db.kind()) {
                case "postgresql" -> "t_x\"y";
                case "mysql" -> targets.name(1) + "x`y";
                default -> null;
            };
            if (hostile != null) {
                db.execute(db.kind().equals("postgresql") ? "CREATE SCHEMA \"t_x\"\"y\"" : "CREATE DATABASE `" + hostile.replace("`", "``") + "`");
            }
            try {
                MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
                TenantFleet fleet = new TenantFleet(runner, targets.source(), 2);
                FleetResult result = fleet.migrate();
                assertThat(result.tenants()).filteredOn(TenantResult.Applied.class::isInstance).hasSize(2);
                FleetStatus status = fleet.status();
                if (hostile != null) {
                    assertThat(result.failed()).singleElement().satisfies(f -> assertThat(f.tenant()).isEqualTo(hostile));
                    assertThat(status.failed()).singleElement().satisfies(t -> {
                        assertThat(t.tenant()).isEqualTo(hostile);
                        assertThat(t.error()).contains("refused");
                    });
                } else {
                    assertThat(result.succeeded()).isTrue();
                }
                assertThat(status.byLastApplied()).isEqualTo(Map.of(THIRD.toString(), 2));
            } finally {
                if (db.kind().equals("mysql")) {
                    db.execute("DROP DATABASE `" + hostile.replace("`", "``") + "`");
                }
            }
        }
    }

    @AllDatabases
    void aPooledConnectionGoesBackWhereItWas(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = files(); TenantTargets targets = new TenantTargets(db, 2)) {
            if (db.kind().equals("sqlite")) {
                return; // SQLite tenants are files of their own: nothing is shared
            }
            try (java.sql.Connection pooled = db.connect()) {
                String query = db.kind().equals("postgresql") ? "SELECT current_setting('search_path')" : "SELECT DATABASE()";
                String before = one(pooled, query);
                MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
                TenantSource source = db.kind().equals("postgresql")
                        ? TenantSource.postgresSchemas(dev.covet.migrations.testing.OneConnectionPool.of(pooled), "t_*")
                        : TenantSource.mysqlDatabases(dev.covet.migrations.testing.OneConnectionPool.of(pooled), targets.name(1).replaceAll("1$", "") + "*");
                assertThat(new TenantFleet(runner, source, 1).migrate().succeeded()).isTrue();
                assertThat(one(pooled, query)).isEqualTo(before);
                assertThat(targets.hasTable(2, "orders")).isTrue();
            }
        }
    }

    private static String one(java.sql.Connection c, String sql) throws Exception {
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
