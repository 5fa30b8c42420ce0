package dev.covet.migrations.tenant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
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
        assertThat(dispatcher(runner, fleet).run(List.of("migrate", "--tenants", "--dry-run"))).isEqualTo(ExitCodes.USAGE);
        assertThat(text(err)).contains("--tenants migrates every tenant");
        assertThat(dispatcher(runner, fleet).run(List.of("migrate", "--help"))).isEqualTo(ExitCodes.SUCCESS);
        assertThat(text(out)).contains("--tenants").contains("exit 1 when any tenant failed");
        assertThat(dispatcher(runner, fleet).run(List.of("status", "--help"))).isEqualTo(ExitCodes.SUCCESS);
        assertThat(text(out)).contains("covet status [--tenants] [--json]").contains("--tenants");
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
