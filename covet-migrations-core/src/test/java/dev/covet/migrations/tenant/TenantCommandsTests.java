package dev.covet.migrations.tenant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.cli.CommandOutput;
import dev.covet.migrations.cli.CovetCommandDispatcher;
import dev.covet.migrations.cli.ExitCodes;
import dev.covet.migrations.cli.MigrateCommand;
import dev.covet.migrations.cli.StatusCommand;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import dev.covet.migrations.testing.TenantTargets;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code covet migrate --tenants} and {@code covet status --tenants}: exit codes, text and JSON. */
class TenantCommandsTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CovetCommandDispatcher dispatcher(MigrationRunner runner, TenantFleet fleet) {
        out.reset();
        err.reset();
        return new CovetCommandDispatcher(List.of(new MigrateCommand(runner, fleet), new StatusCommand(runner, fleet)),
                new CommandOutput(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    @AllDatabases
    void aFailedTenantMakesTheCommandsFailNamingItAndTheFixedRunSucceeds(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = FleetTests.files(); TenantTargets targets = new TenantTargets(db, 3)) {
            targets.execute(3, "CREATE TABLE orders (id INTEGER)");
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
            TenantFleet fleet = new TenantFleet(runner, targets.source(), 2);

            assertThat(dispatcher(runner, fleet).run(List.of("migrate", "--tenants"))).isEqualTo(ExitCodes.FAILURE);
            assertThat(text(out)).contains("Tenants: 3 (2 migrated, 0 up to date, 1 failed)")
                    .contains(targets.name(3) + ": FAILED at 0003_orders")
                    .contains("Failed: " + targets.name(3) + ".").contains("run covet migrate --tenants again");

            assertThat(dispatcher(runner, fleet).run(List.of("status", "--tenants", "--json"))).isIn(ExitCodes.SUCCESS, ExitCodes.FAILURE);
            JsonNode status = JsonMapper.builder().build().readTree(text(out));
            assertThat(status.get("tenants").asInt()).isEqualTo(3);
            assertThat(status.get("upToDate").asInt()).isEqualTo(2);
            assertThat(status.get("byLastApplied").get("0003_orders").asInt()).isEqualTo(2);
            assertThat(status.get("byLastApplied").get("0002_email").asInt()).isEqualTo(1);
            assertThat(status.get("statuses").get(2).get("tenant").asString()).isEqualTo(targets.name(3));
            assertThat(status.get("statuses").get(2).get("pending").asInt()).isEqualTo(1);

            targets.execute(3, "DROP TABLE orders");
            assertThat(dispatcher(runner, fleet).run(List.of("migrate", "--tenants", "--json"))).isEqualTo(ExitCodes.SUCCESS);
            JsonNode migrated = JsonMapper.builder().build().readTree(text(out));
            assertThat(migrated.get("failed")).isEmpty();
            assertThat(migrated.get("migrated").asInt()).isEqualTo(1);
            assertThat(migrated.get("upToDate").asInt()).isEqualTo(2);
            assertThat(migrated.get("results").get(2).get("applied").get(0).asString()).isEqualTo("0003_orders");

            assertThat(dispatcher(runner, fleet).run(List.of("status", "--tenants"))).isEqualTo(ExitCodes.SUCCESS);
            assertThat(text(out)).contains("Tenants: 3 (3 up to date, 0 behind, 0 failed)").contains("0003_orders: 3 tenant(s)");
        }
    }

    @AllDatabases
    void statusFailsWhenATenantCannotBeRead(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = FleetTests.files()) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
            TenantFleet fleet = new TenantFleet(runner, TenantSource.of(List.of(Tenant.onSharedServer(db.dataSource(), "no'such"))), 1);
            assertThat(dispatcher(runner, fleet).run(List.of("status", "--tenants"))).isEqualTo(ExitCodes.FAILURE);
            assertThat(text(out)).contains("Failed: no'such: tenant 'no'such' refused");
        }
    }

    @Test
    void withoutTenantsOrWithOptionsItCannotHonourTheCommandSaysSo() {
        MigrationRunner runner = MigrationRunner.builder(new dev.covet.migrations.internal.tenant.UrlDataSource("jdbc:sqlite::memory:", null, null)).build();
        assertThat(dispatcher(runner, null).run(List.of("migrate", "--tenants"))).isEqualTo(ExitCodes.FAILURE);
        assertThat(text(err)).contains("no tenants are configured").contains("TenantSource");
        assertThat(dispatcher(runner, null).run(List.of("status", "--tenants"))).isEqualTo(ExitCodes.FAILURE);
        TenantFleet fleet = new TenantFleet(runner, TenantSource.of(List.of()), 1);
        assertThat(dispatcher(runner, fleet).run(List.of("migrate", "--tenants", "--phase", "sideways"))).isEqualTo(ExitCodes.USAGE);
        assertThat(text(err)).contains("--phase");
        assertThat(dispatcher(runner, fleet).run(List.of("migrate", "--help"))).isEqualTo(ExitCodes.SUCCESS);
        assertThat(text(out)).contains("--tenants").contains("exit 1 when any tenant failed")
                .contains("past the target is reported, not rolled back").contains("the SQL once per group");
        assertThat(dispatcher(runner, fleet).run(List.of("status", "--help"))).isEqualTo(ExitCodes.SUCCESS);
        assertThat(text(out)).contains("covet status [--tenants] [--json]").contains("--tenants");
    }

    @AllDatabases
    void aDryRunPrintsEachGroupOfTenantsOnceWithItsSqlAndChangesNothing(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = FleetTests.files(); TenantTargets targets = new TenantTargets(db, 13)) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
            // Tenants 1 to 11 up to date, 12 and 13 at 0001.
            new TenantFleet(runner, targets.only(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 4).migrate();
            new TenantFleet(runner, targets.only(12, 13), 2).migrate(
                    dev.covet.migrations.MigrateOptions.toTarget(MigrationId.parse("0001_customers", MigrationId.DEFAULT_APP)));
            List<String> before = targets.snapshot();
            TenantFleet fleet = new TenantFleet(runner, targets.source(), 4);
            // Groups name their tenants in the order the source lists them (by name, for a pattern).
            List<String> listed = targets.source().tenants().stream().map(Tenant::name).toList();
            List<String> behindNames = List.of(targets.name(12), targets.name(13));
            List<String> upToDate = listed.stream().filter(n -> !behindNames.contains(n)).toList();

            assertThat(dispatcher(runner, fleet).run(List.of("migrate", "--tenants", "--dry-run"))).isEqualTo(ExitCodes.SUCCESS);
            String text = text(out);
            assertThat(text).contains("Dry run, nothing changed. Tenants: 13 (2 would be migrated, 11 up to date, 0 failed)")
                    .contains("11 tenants at 0003_orders (nothing pending)\n  tenants: " + String.join(", ", upToDate.subList(0, 10)) + " and 1 more")
                    .contains("2 tenants at 0001_customers: 0002_email, 0003_orders\n  tenants: " + String.join(", ", behindNames));
            // Each group's SQL once, not once per tenant.
            assertThat(text.lines().filter(l -> l.startsWith("    ") && l.toLowerCase().contains("create table") && l.contains("orders")))
                    .hasSize(1);

            assertThat(dispatcher(runner, fleet).run(List.of("migrate", "--tenants", "--dry-run", "--json"))).isEqualTo(ExitCodes.SUCCESS);
            JsonNode plan = JsonMapper.builder().build().readTree(text(out));
            assertThat(plan.get("dryRun").asBoolean()).isTrue();
            assertThat(plan.get("wouldMigrate").asInt()).isEqualTo(2);
            assertThat(plan.get("upToDate").asInt()).isEqualTo(11);
            JsonNode behind = plan.get("groups").get(1);
            assertThat(behind.get("count").asInt()).isEqualTo(2);
            assertThat(behind.get("lastApplied").get("0001_customers").asInt()).isEqualTo(2);
            assertThat(behind.get("pending").get(1).asString()).isEqualTo("0003_orders");
            assertThat(behind.get("migrations").get(1).get("sql").get(0).asString()).containsIgnoringCase("orders");
            assertThat(behind.get("tenants").get(0).asString()).isEqualTo(behindNames.get(0));
            assertThat(plan.get("groups").get(0).get("tenants")).hasSize(11);

            assertThat(targets.snapshot()).isEqualTo(before);
        }
    }

    @AllDatabases
    void aTargetStopsEveryTenantThereAndATenantPastItIsReportedNotRolledBack(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = FleetTests.files(); TenantTargets targets = new TenantTargets(db, 3)) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
            new TenantFleet(runner, targets.only(3), 1).migrate();
            TenantFleet fleet = new TenantFleet(runner, targets.source(), 2);

            assertThat(dispatcher(runner, fleet).run(List.of("migrate", "--tenants", "--target", "0002_email", "--dry-run")))
                    .isEqualTo(ExitCodes.SUCCESS);
            assertThat(text(out)).contains("2 tenants at (none): 0001_customers, 0002_email")
                    .contains(targets.name(3) + ": past the target 0002_email (0003_orders applied after it); a run leaves it as it is");

            assertThat(dispatcher(runner, fleet).run(List.of("migrate", "--tenants", "--target", "0002_email"))).isEqualTo(ExitCodes.SUCCESS);
            assertThat(text(out)).contains("Tenants: 3 (2 migrated, 0 up to date, 1 past the target, 0 failed)")
                    .contains(targets.name(1) + ": applied 0001_customers, 0002_email")
                    .contains(targets.name(3) + ": past the target 0002_email (0003_orders applied after it; not rolled back)");
            assertThat(targets.count(3, "SELECT COUNT(*) FROM covet_migrations")).isEqualTo(3);
            assertThat(targets.count(1, "SELECT COUNT(*) FROM covet_migrations")).isEqualTo(2);

            assertThat(dispatcher(runner, fleet).run(List.of("migrate", "--tenants", "--target", "0002_email", "--json"))).isEqualTo(ExitCodes.SUCCESS);
            JsonNode report = JsonMapper.builder().build().readTree(text(out));
            assertThat(report.get("pastTarget").get(0).asString()).isEqualTo(targets.name(3));
            assertThat(report.get("upToDate").asInt()).isEqualTo(2);
            JsonNode past = report.get("results").get(2);
            assertThat(past.get("outcome").asString()).isEqualTo("past-target");
            assertThat(past.get("migration").asString()).isEqualTo("0002_email");
            assertThat(past.get("applied").get(0).asString()).isEqualTo("0003_orders");
        }
    }

    @AllDatabases
    void aHostileOrUnknownTargetIsRefusedNamingItBeforeAnyTenantIsTouched(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = FleetTests.files(); TenantTargets targets = new TenantTargets(db, 2)) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
            TenantFleet fleet = new TenantFleet(runner, targets.source(), 2);
            List<String> before = targets.snapshot();
            String hostile = "0002'; DROP TABLE covet_migrations; --";
            assertThat(dispatcher(runner, fleet).run(List.of("migrate", "--tenants", "--target", hostile))).isEqualTo(ExitCodes.USAGE);
            assertThat(text(err)).contains("--target: invalid migration name '" + hostile + "'").contains("use letters, digits");
            assertThat(dispatcher(runner, fleet).run(List.of("migrate", "--tenants", "--dry-run", "--target", "0009_nope"))).isEqualTo(ExitCodes.FAILURE);
            assertThat(text(err)).contains("target migration '0009_nope' is not among the 3 migration files").contains("no tenant was touched");
            assertThat(targets.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void aPatternThatFindsNoTenantSaysSoAndHowPatternsAreWritten() throws Exception {
        try (TestDatabase db = new DatabaseKind("postgresql").create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_items.yaml", """
                    operations:
                      - type: CREATE_TABLE
                        table: items
                        columns:
                          - {name: id, type: BIGINT, nullable: false, primary_key: true}
                    """);
            db.execute("CREATE SCHEMA shop_a");
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
            TenantFleet sqlStyle = new TenantFleet(runner, TenantSource.postgresSchemas(db.dataSource(), "shop_%"), 1);
            assertThat(dispatcher(runner, sqlStyle).run(List.of("migrate", "--tenants"))).isEqualTo(ExitCodes.SUCCESS);
            assertThat(text(out)).contains("Tenants: 0").contains("No tenant found (tenants matching 'shop_%')")
                    .contains("take * and ?, not SQL's %");
            assertThat(dispatcher(runner, sqlStyle).run(List.of("status", "--tenants"))).isEqualTo(ExitCodes.SUCCESS);
            assertThat(text(out)).contains("No tenant found");
            TenantFleet glob = new TenantFleet(runner, TenantSource.postgresSchemas(db.dataSource(), "shop_*"), 1);
            assertThat(dispatcher(runner, glob).run(List.of("migrate", "--tenants"))).isEqualTo(ExitCodes.SUCCESS);
            assertThat(text(out)).contains("Tenants: 1").contains("shop_a: applied 0001_items").doesNotContain("No tenant found");
        }
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
