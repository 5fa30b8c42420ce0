package dev.covet.migrations.endpoint;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.lock.MigrationLock;
import dev.covet.migrations.report.PlannedMigration;
import dev.covet.migrations.safety.RollbackPolicy;
import dev.covet.migrations.safety.RollbackValidator;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the dashboard's panels read from {@code GET /actuator/migrations/dashboard} and
 * {@code GET /actuator/migrations/plan?id=ID}, on each database: pending migrations, the lock holder, drift, failed
 * migrations with what failed, the dependency graph, and the SQL of one pending migration.
 */
class DashboardPanelsDataTests {

    private static final String TABLE = """
            operations:
              - {type: CREATE_TABLE, table: %s, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
            """;

    private final JsonMapper json = JsonMapper.builder().build();

    @AllDatabases
    void dashboardCarriesPendingLockDriftFailedAndGraph(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_tag.yaml", TABLE.formatted("tag")).write("0002_note.yaml", TABLE.formatted("note"));
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
            runner.migrate();
            files.write("0003_label.yaml", TABLE.formatted("label"));
            db.execute("CREATE TABLE made_by_hand (id INTEGER)");
            String error = "ran 1 of 2 statements; failed: " + "x".repeat(2000);
            FailedHistoryRows.insert(db.dataSource(), "0009_half_done", error);
            CovetMigrationsEndpoint endpoint = new CovetMigrationsEndpoint(runner,
                    new RollbackValidator(runner, RollbackPolicy.defaults()), false);

            JsonNode free = json.valueToTree(endpoint.view("dashboard", null, null).getBody());
            assertThat(free.get("lock").asString()).isEqualTo("free");

            MigrationLock lock = runner.dialect().lock(db.dataSource(), "covet_");
            JsonNode dashboard;
            try (MigrationLock.Held held = lock.acquire(Duration.ofSeconds(10))) {
                dashboard = json.valueToTree(endpoint.view("dashboard", null, null).getBody());
            }

            // Who holds it: the SQLite process and host (and since when), the PostgreSQL backend, the MySQL connection.
            String holder = dashboard.get("lock").asString();
            switch (db.kind()) {
                case "sqlite" -> assertThat(holder).contains("process " + ProcessHandle.current().pid()).contains(" since ");
                case "postgresql" -> assertThat(holder).startsWith("PostgreSQL backend pid ").contains("connected");
                default -> assertThat(holder).startsWith("MySQL connection id ").contains("user '");
            }
            assertThat(dashboard.get("pending")).singleElement()
                    .satisfies(p -> assertThat(p.get("id").asString()).isEqualTo("0003_label"));
            assertThat(dashboard.get("drift").get("checked").asBoolean()).isTrue();
            assertThat(dashboard.get("drift").get("differences")).anySatisfy(d ->
                    assertThat(d.get("table").asString()).isEqualToIgnoringCase("made_by_hand"));
            assertThat(dashboard.get("failed")).singleElement().satisfies(f -> {
                assertThat(f.get("id").asString()).isEqualTo("0009_half_done");
                assertThat(f.get("state").asString()).isEqualTo("FAILED");
                assertThat(f.get("detail").asString()).isEqualTo(error);
            });
            JsonNode graph = dashboard.get("graph");
            assertThat(graph).hasSize(3);
            assertThat(graph.get(0).get("id").asString()).isEqualTo("0001_tag");
            assertThat(graph.get(0).get("state").asString()).isEqualTo("APPLIED");
            assertThat(graph.get(0).get("dependencies")).isEmpty();
            assertThat(graph.get(2).get("id").asString()).isEqualTo("0003_label");
            assertThat(graph.get(2).get("state").asString()).isEqualTo("PENDING");
            assertThat(graph.get(2).get("dependencies")).singleElement()
                    .satisfies(d -> assertThat(d.asString()).isEqualTo("0002_note"));
            // The existing fields keep their names.
            assertThat(dashboard.get("source").asString()).isEqualTo("history");
            assertThat(dashboard.get("statistics").get("pending").asInt()).isEqualTo(1);
        }
    }

    @AllDatabases
    void planOfOneMigrationRendersOnlyIt(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_tag.yaml", TABLE.formatted("tag")).write("0002_note.yaml", TABLE.formatted("note"));
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
            CovetMigrationsEndpoint endpoint = new CovetMigrationsEndpoint(runner,
                    new RollbackValidator(runner, RollbackPolicy.defaults()), false);

            WebEndpointResponse<Object> one = endpoint.view("plan", null, null, "0002_note");
            assertThat(one.getStatus()).isEqualTo(200);
            PlanDescriptor plan = (PlanDescriptor) one.getBody();
            assertThat(plan.dialect()).isEqualTo(db.dialect().name());
            assertThat(plan.pending()).singleElement().satisfies((PlannedMigration m) -> {
                assertThat(m.id()).isEqualTo("0002_note");
                assertThat(m.direction()).isEqualTo("UP");
                assertThat(String.join("\n", m.sql())).containsIgnoringCase("CREATE TABLE").contains("note")
                        .doesNotContain("tag");
            });
            assertThat(endpoint.view("plan", null, null, "0007_unknown").getStatus()).isEqualTo(404);
            assertThat(endpoint.view("plan", null, null, "../x").getStatus()).isEqualTo(400);
            // Without an id, the whole plan as before.
            assertThat(((PlanDescriptor) endpoint.view("plan", null, null).getBody()).pending()).hasSize(2);
        }
    }
}
