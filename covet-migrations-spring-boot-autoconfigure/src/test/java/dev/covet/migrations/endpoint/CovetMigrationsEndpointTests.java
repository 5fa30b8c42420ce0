package dev.covet.migrations.endpoint;

import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationInfo;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.report.RollbackValidationDescriptor;
import dev.covet.migrations.safety.RollbackRisk;
import dev.covet.migrations.safety.RollbackValidation;
import dev.covet.migrations.safety.RollbackPolicy;
import dev.covet.migrations.safety.RollbackValidator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoint's guards and the report records' JSON, without a database. */
class CovetMigrationsEndpointTests {

    private final MigrationRunner runner = MigrationRunner.builder(new DriverManagerDataSource("jdbc:sqlite::memory:")).build();
    private final RollbackValidator validator = new RollbackValidator(runner, RollbackPolicy.defaults());
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void postRollbackRefusedUnlessWriteEnabled() {
        WebEndpointResponse<Object> response = new CovetMigrationsEndpoint(runner, validator, false).action("rollback", 1, null, false);
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(((RefusalDescriptor) response.getBody()).message()).contains("covet.migrations.actuator.write-enabled=true");
    }

    @Test
    void unknownPathsAndBadStepsAreRejected() {
        CovetMigrationsEndpoint endpoint = new CovetMigrationsEndpoint(runner, validator, true);
        assertThat(endpoint.view("nope", null, null).getStatus()).isEqualTo(404);
        assertThat(endpoint.view("rollback", 0, null).getStatus()).isEqualTo(400);
        assertThat(endpoint.action("explode", 1, null, false).getStatus()).isEqualTo(404);
        assertThat(endpoint.action("rollback", -1, null, false).getStatus()).isEqualTo(400);
    }

    @Test
    void rollbackTakesStepsOrATargetAndAnUnknownTargetIsAConflict() {
        CovetMigrationsEndpoint endpoint = new CovetMigrationsEndpoint(runner, validator, true);
        WebEndpointResponse<Object> both = endpoint.view("rollback", 1, "0001_init");
        assertThat(both.getStatus()).isEqualTo(400);
        assertThat(((RefusalDescriptor) both.getBody()).message()).contains("not both");
        assertThat(endpoint.action("rollback", 1, "0001_init", false).getStatus()).isEqualTo(400);
        assertThat(endpoint.view("rollback", null, " ").getStatus()).isEqualTo(400);
        assertThat(endpoint.view("rollback", null, "../x").getStatus()).isEqualTo(400);
        // An empty in-memory database: no migration is known, so no target can be rolled back to.
        WebEndpointResponse<Object> notApplied = endpoint.view("rollback", null, "0001_init");
        assertThat(notApplied.getStatus()).isEqualTo(409);
        assertThat(((RefusalDescriptor) notApplied.getBody()).message()).contains("0001_init").contains("not a known migration");
        assertThat(endpoint.action("rollback", null, "0001_init", false).getStatus()).isEqualTo(409);
    }

    @Test
    void rollbackValidationHasTheDesignFieldNames() {
        RollbackValidation validation = new RollbackValidation(false, List.of("e"), RollbackRisk.HIGH, Map.of("users", 5000L),
                List.of("r"), List.of(), List.of("0002_x"), List.of("DROP TABLE users"), List.of());
        JsonNode node = json.valueToTree(RollbackValidationDescriptor.of(validation));
        assertThat(node.get("isSafe").asBoolean()).isFalse();
        assertThat(node.get("riskLevel").asString()).isEqualTo("HIGH");
        assertThat(node.get("dataAtRisk").get("users").asLong()).isEqualTo(5000);
        assertThat(node.get("errors").get(0).asString()).isEqualTo("e");
        assertThat(node.get("recommendations").get(0).asString()).isEqualTo("r");
        assertThat(node.get("sql").get(0).asString()).isEqualTo("DROP TABLE users");
        assertThat(node.has("safe")).isFalse();
    }

    @Test
    void statusAndDashboardFromHistory() {
        MigrationInfo a = new MigrationInfo(new MigrationId("default", "0001_a"), "a", "c1", Instant.parse("2026-01-01T10:00:00Z"), 40L, "ci", "APPLIED", null);
        MigrationInfo b = new MigrationInfo(new MigrationId("default", "0002_b"), "b", "c2", Instant.parse("2026-01-02T10:00:00Z"), 60L, "ci", "APPLIED", null);
        MigrationInfo c = new MigrationInfo(new MigrationId("shop", "0003_c"), "c", "c3", null, null, null, "PENDING", null);
        MigrationStatus status = new MigrationStatus("sqlite", List.of(a, b), List.of(c), List.of(), List.of(), List.of());

        JsonNode s = json.valueToTree(MigrationsDescriptor.of(status, "free"));
        assertThat(s.get("dialect").asString()).isEqualTo("sqlite");
        assertThat(s.get("applied").get(1).get("id").asString()).isEqualTo("0002_b");
        assertThat(s.get("pending").get(0).get("id").asString()).isEqualTo("shop:0003_c");
        assertThat(s.get("lock").asString()).isEqualTo("free");

        DashboardDescriptor d = DashboardDescriptor.of(status);
        assertThat(d.source()).isEqualTo("history");
        assertThat(d.statistics().applied()).isEqualTo(2);
        assertThat(d.statistics().pending()).isEqualTo(1);
        assertThat(d.statistics().averageExecutionMs()).isEqualTo(50.0);
        assertThat(d.velocityPerDay()).containsEntry("2026-01-01", 1L).containsEntry("2026-01-02", 1L);
        assertThat(d.recent().get(0).id()).isEqualTo("0002_b");
    }
}
