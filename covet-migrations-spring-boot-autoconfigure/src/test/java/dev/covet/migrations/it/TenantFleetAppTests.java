package dev.covet.migrations.it;

import dev.covet.migrations.autoconfigure.cli.CovetExit;
import dev.covet.migrations.tenant.TenantFleet;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TenantTargets;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenants configured by {@code covet.migrations.tenants.*} in a real application on each database: the endpoint's
 * {@code GET} and {@code POST /actuator/migrations/tenants}, and {@code covet migrate --tenants} /
 * {@code covet status --tenants} with their exit codes, a tenant made to fail by a table that is in the way.
 */
@ResourceLock("spring-boot-logging")
class TenantFleetAppTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<String> properties(TestDatabase db, TenantTargets targets, String... extra) {
        List<String> more = new ArrayList<>(targets.properties());
        more.addAll(List.of(extra));
        return StarterDatabaseTests.properties(db, more.toArray(String[]::new));
    }

    @AllDatabases
    void theEndpointSummarizesAndMigratesTheTenants(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); TenantTargets targets = new TenantTargets(db, 3)) {
            targets.execute(2, "CREATE TABLE tag (id INTEGER)");
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StarterTestApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .properties(properties(db, targets, "covet.migrations.actuator.write-enabled=true",
                            "covet.migrations.tenants.parallelism=2").toArray(String[]::new)).run()) {
                assertThat(context.getBean(TenantFleet.class).parallelism()).isEqualTo(2);
                String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort()
                        + "/actuator/migrations/tenants";

                JsonNode before = JSON.readTree(send(get(base), 200));
                assertThat(before.get("tenants").asInt()).isEqualTo(3);
                assertThat(before.get("byLastApplied").get("(none)").asInt()).isEqualTo(3);
                assertThat(before.get("behind")).hasSize(3);

                // Rollback's steps are refused, not ignored (which would migrate to the latest); an unknown target
                // touches no tenant; a target stops every tenant there.
                assertThat(send(post(base, "{\"steps\":1}"), 400)).contains("takes no steps");
                assertThat(send(post(base, "{\"target\":\"0009_nope\"}"), 409)).contains("0009_nope")
                        .contains("no tenant was touched");
                assertThat(targets.hasTable(1, "gadget")).isFalse();
                JsonNode atTarget = JSON.readTree(send(post(base, "{\"target\":\"0001_create_gadget\"}"), 200));
                assertThat(atTarget.get("migrated").asInt()).isEqualTo(3);
                for (int i = 1; i <= 3; i++) {
                    assertThat(targets.hasTable(i, "gadget")).as(targets.name(i)).isTrue();
                }
                assertThat(targets.hasTable(1, "tag")).as("0002 is after the target").isFalse();

                JsonNode failed = JSON.readTree(send(post(base), 409));
                assertThat(failed.get("failed")).hasSize(1);
                assertThat(failed.get("failed").get(0).asString()).isEqualTo(targets.name(2));
                JsonNode second = failed.get("results").get(1);
                assertThat(second.get("outcome").asString()).isEqualTo("failed");
                assertThat(second.get("migration").asString()).isEqualTo("0002_create_tag");
                assertThat(second.get("error").asString()).containsIgnoringCase("tag");
                assertThat(failed.get("results").get(0).get("applied")).hasSize(1);

                JsonNode summary = JSON.readTree(send(get(base), 200));
                assertThat(summary.get("byLastApplied").get("0002_create_tag").asInt()).isEqualTo(2);
                assertThat(summary.get("byLastApplied").get("0001_create_gadget").asInt()).isEqualTo(1);
                assertThat(summary.get("behind").get(0).asString()).isEqualTo(targets.name(2));

                targets.execute(2, "DROP TABLE tag");
                JsonNode fixed = JSON.readTree(send(post(base), 200));
                assertThat(fixed.get("migrated").asInt()).isEqualTo(1);
                assertThat(fixed.get("upToDate").asInt()).isEqualTo(2);
                assertThat(fixed.get("results").get(1).get("applied").get(0).asString()).isEqualTo("0002_create_tag");
                assertThat(JSON.readTree(send(get(base), 200)).get("upToDate").asInt()).isEqualTo(3);
                // Each tenant is audited in its own database (its two migrations, and tenant 2's failed attempt too).
                for (int i = 1; i <= 3; i++) {
                    assertThat(targets.count(i, "SELECT COUNT(*) FROM covet_migration_audit WHERE status = 'SUCCESS'"))
                            .as(targets.name(i)).isEqualTo(2);
                }
                assertThat(targets.count(2, "SELECT COUNT(*) FROM covet_migration_audit WHERE status <> 'SUCCESS'")).isPositive();
            }
        }
    }

    @AllDatabases
    void postIsRefusedUnlessWritesAreEnabled(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); TenantTargets targets = new TenantTargets(db, 1)) {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StarterTestApplication.class)
                    .web(WebApplicationType.SERVLET).properties(properties(db, targets).toArray(String[]::new)).run()) {
                String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort()
                        + "/actuator/migrations/tenants";
                assertThat(send(post(base), 403)).contains("covet.migrations.actuator.write-enabled=true");
                assertThat(targets.hasTable(1, "gadget")).isFalse();
            }
        }
    }

    @AllDatabases
    void theCommandsExitWithOneWhileATenantFails(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); TenantTargets targets = new TenantTargets(db, 2)) {
            targets.execute(1, "CREATE TABLE tag (id INTEGER)");
            assertThat(command(db, targets, "migrate", "--tenants")).isEqualTo(1);
            assertThat(targets.hasTable(2, "tag")).isTrue();
            assertThat(command(db, targets, "status", "--tenants", "--json")).isEqualTo(0);
            targets.execute(1, "DROP TABLE tag");
            assertThat(command(db, targets, "migrate", "--tenants")).isEqualTo(0);
            assertThat(targets.count(1, "SELECT COUNT(*) FROM covet_migrations")).isEqualTo(2);
        }
    }

    @AllDatabases
    void theCommandTakesADryRunATargetAndAPhaseForEveryTenant(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); TenantTargets targets = new TenantTargets(db, 2)) {
            List<String> before = targets.snapshot();
            // Auditing is on in these applications: a dry run must not create a tenant's audit table either.
            assertThat(command(db, targets, "migrate", "--tenants", "--dry-run")).isEqualTo(0);
            assertThat(targets.snapshot()).isEqualTo(before);
            assertThat(command(db, targets, "migrate", "--tenants", "--target", "0001_create_gadget", "--phase", "expand")).isEqualTo(0);
            for (int i = 1; i <= 2; i++) {
                assertThat(targets.count(i, "SELECT COUNT(*) FROM covet_migrations")).as(targets.name(i)).isEqualTo(1);
                assertThat(targets.hasTable(i, "tag")).as(targets.name(i)).isFalse();
            }
            assertThat(command(db, targets, "migrate", "--tenants", "--target", "0009_nope")).isEqualTo(1);
            assertThat(command(db, targets, "migrate", "--tenants")).isEqualTo(0);
            assertThat(targets.count(1, "SELECT COUNT(*) FROM covet_migrations")).isEqualTo(2);
        }
    }

    @AllDatabases
    void migrateOnStartupMigratesTheTenantsAFailedOneDoesNotStopTheStartAndACommandMigratesNone(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); TenantTargets targets = new TenantTargets(db, 2)) {
            targets.execute(2, "CREATE TABLE tag (id INTEGER)");
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StarterTestApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties(properties(db, targets, "covet.migrations.tenants.migrate-on-startup=true").toArray(String[]::new)).run()) {
                assertThat(context.isActive()).isTrue();
                assertThat(targets.count(1, "SELECT COUNT(*) FROM covet_migrations WHERE state = 'APPLIED'")).isEqualTo(2);
                assertThat(targets.count(2, "SELECT COUNT(*) FROM covet_migrations WHERE state = 'APPLIED'")).isEqualTo(1);
            }
            targets.execute(2, "DROP TABLE tag");
            assertThat(command(db, targets, "status", "--tenants", "--covet.migrations.tenants.migrate-on-startup=true")).isEqualTo(0);
            assertThat(targets.count(2, "SELECT COUNT(*) FROM covet_migrations WHERE state = 'APPLIED'")).isEqualTo(1);
        }
    }

    private static int command(TestDatabase db, TenantTargets targets, String... args) {
        AtomicInteger code = new AtomicInteger(-1);
        CovetExit recorder = code::set;
        List<String> argv = new ArrayList<>(List.of("covet"));
        argv.addAll(List.of(args));
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(StarterTestApplication.class)
                .properties(properties(db, targets).toArray(String[]::new))
                .initializers(context -> context.getBeanFactory().registerSingleton("covetExit", recorder))
                .run(argv.toArray(String[]::new))) {
            return code.get();
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", StarterDatabaseTests.AUTH).GET().build();
    }

    private static HttpRequest post(String url) {
        return post(url, "{}");
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", StarterDatabaseTests.AUTH)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String send(HttpRequest request, int expectedStatus) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request.uri() + " -> " + response.body()).isEqualTo(expectedStatus);
        return response.body();
    }
}
