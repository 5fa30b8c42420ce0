package dev.covet.migrations.tenant;

import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationPhase;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.lock.MigrationLock;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TenantTargets;
import dev.covet.migrations.testing.TestDatabase;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A fleet run with a single migrate's options, on each database: dry run, target, phase. */
class FleetOptionsTests {

    private static final MigrationId FIRST = MigrationId.parse("0001_customers", MigrationId.DEFAULT_APP);
    private static final MigrationId SECOND = MigrationId.parse("0002_email", MigrationId.DEFAULT_APP);
    private static final MigrationId THIRD = MigrationId.parse("0003_orders", MigrationId.DEFAULT_APP);

    @AllDatabases
    void aDryRunChangesNothingTakesNoLockAndGroupsTheTenantsByWhatTheyWouldGet(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = FleetTests.files(); TenantTargets targets = new TenantTargets(db, 5)) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location())
                    .lockTimeout(Duration.ofSeconds(1)).build();
            // Tenants 1 and 2 at 0001, tenant 3 at 0003, tenants 4 and 5 never migrated (no history table at all).
            new TenantFleet(runner, targets.only(1, 2, 3), 2).migrate(MigrateOptions.toTarget(FIRST));
            new TenantFleet(runner, targets.only(3), 1).migrate();
            List<String> before = targets.snapshot();
            TenantListeners loud = (tenant, dataSource, dialect) -> {
                throw new AssertionError("a dry run must not make tenant listeners (an audit log would write): " + tenant);
            };

            FleetResult plan;
            // Another process migrating tenant 1 holds its lock: a dry run does not wait for it, as a single one does not.
            MigrationLock lock = db.dialect().lock(targets.dataSource(1), targets.lockScope(1));
            try (MigrationLock.Held ignored = lock.acquire(Duration.ofSeconds(5))) {
                plan = new TenantFleet(runner, targets.source(), 3, loud).migrate(MigrateOptions.all().asDryRun());
            }

            assertThat(targets.snapshot()).isEqualTo(before);
            assertThat(plan.dryRun()).isTrue();
            assertThat(plan.succeeded()).isTrue();
            assertThat(plan.tenants()).extracting(TenantResult::tenant).containsExactlyElementsOf(targets.names());
            assertThat(plan.tenants()).allSatisfy(r -> assertThat(r).isInstanceOf(TenantResult.Planned.class));
            List<PendingGroup> groups = plan.pendingGroups();
            assertThat(groups).extracting(PendingGroup::pendingIds)
                    .containsExactly(List.of(), List.of(SECOND, THIRD), List.of(FIRST, SECOND, THIRD));
            assertThat(groups).extracting(PendingGroup::tenants).containsExactly(List.of(targets.name(3)),
                    List.of(targets.name(1), targets.name(2)), List.of(targets.name(4), targets.name(5)));
            assertThat(groups).extracting(PendingGroup::lastApplied).containsExactly(Map.of(THIRD.toString(), 1),
                    Map.of(FIRST.toString(), 2), Map.of(FleetStatus.NONE, 2));
            // The SQL is the dialect's for each migration: the same statements a single dry run prints.
            assertThat(groups.get(2).pending().get(2).sql()).anySatisfy(sql -> assertThat(sql).containsIgnoringCase("orders"));
            assertThat(groups.get(1).pending()).isEqualTo(groups.get(2).pending().subList(1, 3));
        }
    }

    @AllDatabases
    void eachTenantStopsAtTheTargetAndATenantPastItIsReportedNotRolledBack(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = FleetTests.files(); TenantTargets targets = new TenantTargets(db, 3)) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
            new TenantFleet(runner, targets.only(1), 1).migrate();
            TenantFleet fleet = new TenantFleet(runner, targets.source(), 2);

            FleetResult dryRun = fleet.migrate(MigrateOptions.toTarget(SECOND).asDryRun());
            assertThat(dryRun.pastTarget()).singleElement().isEqualTo(new TenantResult.PastTarget(targets.name(1), SECOND, List.of(THIRD)));
            assertThat(dryRun.pendingGroups()).singleElement().satisfies(g -> {
                assertThat(g.pendingIds()).containsExactly(FIRST, SECOND);
                assertThat(g.tenants()).containsExactly(targets.name(2), targets.name(3));
            });

            FleetResult result = fleet.migrate(MigrateOptions.toTarget(SECOND));
            assertThat(result.succeeded()).isTrue();
            assertThat(result.tenants().get(0)).isEqualTo(new TenantResult.PastTarget(targets.name(1), SECOND, List.of(THIRD)));
            assertThat(result.tenants().subList(1, 3)).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(TenantResult.Applied.class,
                    a -> assertThat(a.applied()).containsExactly(FIRST, SECOND)));
            assertThat(targets.count(1, "SELECT COUNT(*) FROM covet_migrations")).isEqualTo(3);
            assertThat(targets.hasTable(1, "orders")).isTrue();
            for (int i = 2; i <= 3; i++) {
                assertThat(targets.count(i, "SELECT COUNT(*) FROM covet_migrations")).as(targets.name(i)).isEqualTo(2);
                assertThat(targets.hasTable(i, "orders")).as(targets.name(i)).isFalse();
            }

            // Again: the tenants at the target have nothing to do; the one past it is still reported.
            FleetResult again = fleet.migrate(MigrateOptions.toTarget(SECOND));
            assertThat(again.tenants().get(0)).isInstanceOf(TenantResult.PastTarget.class);
            assertThat(again.tenants().subList(1, 3)).allSatisfy(r -> assertThat(r).isInstanceOf(TenantResult.UpToDate.class));
            assertThat(fleet.migrate().tenants().subList(1, 3)).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(
                    TenantResult.Applied.class, a -> assertThat(a.applied()).containsExactly(THIRD)));
        }
    }

    @AllDatabases
    void theExpandPhaseHoldsBackContractMigrationsOnEveryTenant(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); TenantTargets targets = new TenantTargets(db, 2);
             MigrationFiles files = new MigrationFiles().write("0001_customers.yaml", FleetTests.CUSTOMERS)
                     .write("0002_email.yaml", "phase: expand\n" + FleetTests.EMAIL)
                     .write("0003_orders.yaml", "phase: contract\n" + FleetTests.ORDERS)) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
            TenantFleet fleet = new TenantFleet(runner, targets.source(), 2);
            assertThat(fleet.migrate(MigrateOptions.all().inPhase(MigrationPhase.EXPAND)).tenants())
                    .allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(TenantResult.Applied.class,
                            a -> assertThat(a.applied()).containsExactly(FIRST, SECOND)));
            assertThat(fleet.migrate(MigrateOptions.all().inPhase(MigrationPhase.CONTRACT)).tenants())
                    .allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(TenantResult.Applied.class,
                            a -> assertThat(a.applied()).containsExactly(THIRD)));
        }
    }

    @AllDatabases
    void aTargetNoFileHasStopsTheRunBeforeAnyTenantNamingIt(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = FleetTests.files(); TenantTargets targets = new TenantTargets(db, 2)) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
            List<String> before = targets.snapshot();
            TenantFleet fleet = new TenantFleet(runner, targets.source(), 2);
            MigrationId unknown = MigrationId.parse("0009_nope", MigrationId.DEFAULT_APP);
            for (MigrateOptions options : List.of(MigrateOptions.toTarget(unknown), MigrateOptions.toTarget(unknown).asDryRun())) {
                assertThatThrownBy(() -> fleet.migrate(options)).isInstanceOf(MigrationException.class)
                        .hasMessageContaining("'0009_nope'").hasMessageContaining("no tenant was touched")
                        .hasMessageContaining("covet status");
            }
            assertThat(targets.snapshot()).isEqualTo(before);
            // A hostile id never becomes a MigrationId, so it reaches no tenant and no SQL.
            assertThatThrownBy(() -> MigrationId.parse("0002'; DROP TABLE customers; --", MigrationId.DEFAULT_APP))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0002'; DROP TABLE customers; --");
        }
    }
}
