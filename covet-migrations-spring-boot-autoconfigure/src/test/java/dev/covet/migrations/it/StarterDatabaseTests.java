package dev.covet.migrations.it;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.autoconfigure.cli.CovetExit;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter end to end on SQLite, PostgreSQL and MySQL: startup migration before JPA validates the schema, the
 * Actuator endpoint's JSON, the write guard, security, and the command exit codes.
 * <p>
 * All but the write-guard and security tests need the core engine (loader, schema reader, dialect SQL).
 */
// Full Spring Boot applications: Logback's re-initialization by two starting at once races (a
// ConcurrentModificationException in LoggerContext), so these classes do not run alongside each other.
@ResourceLock("spring-boot-logging")
class StarterDatabaseTests {

    /** Directories the commands write into; JUnit deletes them after each test. */
    @TempDir
    Path scratch;

    /** Starts the application without touching the schema: for tests of what answers before the engine. */
    private static final String[] WITHOUT_MIGRATING = {"covet.migrations.run-on-startup=false",
            "spring.jpa.hibernate.ddl-auto=none"};

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8));

    /** An application on {@code db} with the test migrations, Security's admin user and the endpoint exposed. */
    static List<String> properties(TestDatabase db, String... extra) {
        List<String> p = new ArrayList<>(List.of(
                "spring.datasource.url=" + db.url(),
                "spring.jpa.hibernate.ddl-auto=validate",
                "covet.migrations.locations=classpath:db/it-migrations",
                "spring.security.user.name=admin",
                "spring.security.user.password=secret",
                "management.endpoints.web.exposure.include=health,migrations",
                "management.endpoint.health.show-details=always",
                "server.port=0"));
        if (db.user() != null) {
            p.add("spring.datasource.username=" + db.user());
            p.add("spring.datasource.password=" + (db.password() == null ? "" : db.password()));
        }
        p.addAll(List.of(extra));
        return p;
    }

    private static ConfigurableApplicationContext start(TestDatabase db, WebApplicationType type, String... extra) {
        return new SpringApplicationBuilder(StarterTestApplication.class).web(type)
                .properties(properties(db, extra).toArray(String[]::new)).run();
    }

    @AllDatabases
    void startupMigratesBeforeJpaValidates(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            try (ConfigurableApplicationContext context = start(db, WebApplicationType.NONE)) {
                // ddl-auto=validate passed, so the EntityManagerFactory was built after the tables existed.
                EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
                var em = emf.createEntityManager();
                em.getTransaction().begin();
                em.persist(new Gadget("sprocket"));
                em.getTransaction().commit();
                em.close();
                MigrationStatus status = context.getBean(MigrationRunner.class).status();
                assertThat(status.applied()).extracting(i -> i.id().name()).containsExactly("0001_create_gadget", "0002_create_tag");
                assertThat(status.pending()).isEmpty();
            }
        }
    }

    @AllDatabases
    void endpointReportsStatusPlanDashboardAndRollbackValidation(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            try (ConfigurableApplicationContext context = start(db, WebApplicationType.SERVLET)) {
                String base = base(context);
                JsonNode status = get(base + "/actuator/migrations", true, 200);
                assertThat(status.get("dialect").asString()).isEqualTo(db.kind());
                assertThat(status.get("applied")).hasSize(2);
                assertThat(status.get("applied").get(0).get("id").asString()).isEqualTo("0001_create_gadget");
                assertThat(status.get("pending")).isEmpty();
                assertThat(status.get("failed")).isEmpty();
                assertThat(status.has("lock")).isTrue();
                // The JPA entities' tables exist exactly as the migrations made them: no drift.
                assertThat(status.get("drift").get("checked").asBoolean()).isTrue();
                assertThat(status.get("drift").get("differences")).isEmpty();

                assertThat(get(base + "/actuator/migrations/plan", true, 200).get("pending")).isEmpty();

                JsonNode dashboard = get(base + "/actuator/migrations/dashboard", true, 200);
                assertThat(dashboard.get("statistics").get("applied").asInt()).isEqualTo(2);

                JsonNode validation = get(base + "/actuator/migrations/rollback?steps=1", true, 200);
                assertThat(validation.get("isSafe").asBoolean()).isTrue();
                assertThat(validation.get("riskLevel").asString()).isIn("SAFE", "LOW");
                assertThat(validation.has("dataAtRisk")).isTrue();
                assertThat(validation.has("errors")).isTrue();
                assertThat(validation.has("recommendations")).isTrue();
                assertThat(validation.get("sql").toString()).containsIgnoringCase("tag");
                JsonNode toTarget = get(base + "/actuator/migrations/rollback?target=0001_create_gadget", true, 200);
                assertThat(toTarget.get("sql").toString()).containsIgnoringCase("tag");
                get(base + "/actuator/migrations/rollback?target=0009_nothing", true, 409);
                get(base + "/actuator/migrations/rollback?target=0001_create_gadget&steps=1", true, 400);

                JsonNode health = get(base + "/actuator/health", true, 200);
                assertThat(health.get("components").get("migrations").get("status").asString()).isEqualTo("UP");
            }
        }
    }

    @AllDatabases
    void postRollbackRefusedByDefault(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            // The guard answers before the engine is asked anything: no migrations needed here.
            try (ConfigurableApplicationContext context = start(db, WebApplicationType.SERVLET, WITHOUT_MIGRATING)) {
                HttpResponse<String> response = post(base(context) + "/actuator/migrations/rollback", "{\"steps\":1}");
                assertThat(response.statusCode()).isEqualTo(403);
                assertThat(response.body()).contains("covet.migrations.actuator.write-enabled");
            }
        }
    }

    @AllDatabases
    void postRollbackAllowedWhenEnabled(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            try (ConfigurableApplicationContext context = start(db, WebApplicationType.SERVLET,
                    "covet.migrations.actuator.write-enabled=true")) {
                HttpResponse<String> response = post(base(context) + "/actuator/migrations/rollback", "{\"steps\":1}");
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode outcome = JSON.readTree(response.body());
                assertThat(outcome.get("success").asBoolean()).isTrue();
                assertThat(outcome.get("rolledBack").get(0).asString()).isEqualTo("0002_create_tag");
                assertThat(context.getBean(MigrationRunner.class).status().pending())
                        .extracting(i -> i.id().name()).containsExactly("0002_create_tag");
            }
        }
    }

    @AllDatabases
    void postRollbackToATargetKeepsIt(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            try (ConfigurableApplicationContext context = start(db, WebApplicationType.SERVLET,
                    "covet.migrations.actuator.write-enabled=true")) {
                HttpResponse<String> response = post(base(context) + "/actuator/migrations/rollback",
                        "{\"target\":\"0001_create_gadget\"}");
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(JSON.readTree(response.body()).get("rolledBack").toString()).contains("0002_create_tag");
                assertThat(context.getBean(MigrationRunner.class).status().applied())
                        .extracting(i -> i.id().name()).containsExactly("0001_create_gadget");
                assertThat(post(base(context) + "/actuator/migrations/rollback", "{\"target\":\"0002_create_tag\"}")
                        .statusCode()).isEqualTo(409);
            }
        }
    }

    @AllDatabases
    void endpointNeedsAuthenticationWhenSecurityIsOn(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            try (ConfigurableApplicationContext context = start(db, WebApplicationType.SERVLET, WITHOUT_MIGRATING)) {
                get(base(context) + "/actuator/migrations", false, 401);
                assertThat(post(base(context) + "/actuator/migrations/rollback", "{}", false).statusCode()).isEqualTo(401);
            }
        }
    }

    @AllDatabases
    void commandsExitWithTheirCodes(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            // Started for a command, startup migration is skipped: status sees both migrations pending.
            assertThat(command(db, "status", "--json")).isEqualTo(0);
            assertThat(command(db, "migrate", "--dry-run")).isEqualTo(0);
            assertThat(command(db, "sqlmigrate", "9999_no_such_migration")).isEqualTo(1);
            assertThat(command(db, "migrate", "--target", "0001_create_gadget")).isEqualTo(0);
            assertThat(command(db, "validate")).isEqualTo(0);
            try (ConfigurableApplicationContext context = start(db, WebApplicationType.NONE,
                    "covet.migrations.run-on-startup=false", "spring.jpa.hibernate.ddl-auto=none")) {
                MigrationStatus status = context.getBean(MigrationRunner.class).status();
                assertThat(status.applied()).extracting(i -> i.id().name()).containsExactly("0001_create_gadget");
                assertThat(status.pending()).extracting(i -> i.id().name()).containsExactly("0002_create_tag");
            }
        }
    }

    /**
     * Bad usage ends the application with exit code 2. Which usages are bad does not depend on the database or on a
     * running application: CovetCommandDispatcherTests checks those without starting one.
     */
    @Test
    void commandUsageErrorsExitWithTwo() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create()) {
            assertThat(command(db, "makemigrations", "--name", "Add-Email")).isEqualTo(2);
        }
    }

    @AllDatabases
    void makemigrationsSquashAndAuditCommands(DatabaseKind kind) throws Exception {
        Path out = Files.createDirectories(scratch.resolve("out"));
        try (TestDatabase db = kind.create()) {
            String outDir = "--covet.migrations.output-directory=" + out;
            // The test entities match the two migration files: nothing to generate.
            assertThat(command(db, "makemigrations", outDir)).isEqualTo(0);
            assertThat(out.toFile().list()).isEmpty();
            // --empty writes the next migration, numbered after the files, to fill in by hand.
            assertThat(command(db, "makemigrations", "--empty", "--name", "backfill", outDir)).isEqualTo(0);
            assertThat(out.toFile().list()).containsExactly("0003_backfill.yaml");
            // Squashing both files (dry run): valid, nothing written.
            assertThat(command(db, "squash", "--preserve-recent", "0", "--dry-run", outDir)).isEqualTo(0);
            assertThat(out.toFile().list()).containsExactly("0003_backfill.yaml");
            // Every execution is audited, and the trail verifies.
            // Free metadata from the command line lands in each audit row (here a ticket number).
            assertThat(command(db, "migrate", "--covet.migrations.audit.metadata.ticket=OPS-7")).isEqualTo(0);
            assertThat(command(db, "audit", "--since", "7d", "--verify", "--report", out.resolve("report.json").toString())).isEqualTo(0);
            assertThat(Files.readString(out.resolve("report.json"))).contains("0001_create_gadget", "\"verified\" : true")
                    .contains("OPS-7");
        }
    }

    @AllDatabases
    void squashCommandWritesAFileThatAFreshDatabaseRunsAlone(DatabaseKind kind) throws Exception {
        Path dir = Files.createDirectories(scratch.resolve("squash"));
        for (String file : List.of("0001_create_gadget.yaml", "0002_create_tag.yaml")) {
            Files.copy(Path.of(getClass().getResource("/db/it-migrations/" + file).toURI()),
                    dir.resolve(file));
        }
        String locations = "--covet.migrations.locations=filesystem:" + dir;
        try (TestDatabase db = kind.create()) {
            assertThat(command(db, "squash", "--preserve-recent", "0", locations,
                    "--covet.migrations.output-directory=" + dir)).isEqualTo(0);
            assertThat(dir.resolve("0002_squashed_0001_0002.yaml")).exists();
            // A fresh database runs only the squash (the app then starts with ddl-auto=validate passing).
            assertThat(command(db, "migrate", locations)).isEqualTo(0);
            assertThat(count(db, "SELECT COUNT(*) FROM covet_migrations")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM covet_migrations WHERE name = '0002_squashed_0001_0002'")).isEqualTo(1);
            assertThat(command(db, "validate", locations)).isEqualTo(0);
            // The squash exists already: a second squash refuses to overwrite it.
            assertThat(command(db, "squash", "--preserve-recent", "0", locations,
                    "--covet.migrations.output-directory=" + dir)).isEqualTo(1);
        }
    }

    @AllDatabases
    void expandThenContractPhasesAndLintCommand(DatabaseKind kind) throws Exception {
        Path extra = Files.createDirectories(scratch.resolve("phases"));
        Files.writeString(extra.resolve("0003_add_note.yaml"), """
                phase: expand
                dependencies: [0002_create_tag]
                operations:
                  - {type: ADD_COLUMN, table: gadget, column: {name: note, type: VARCHAR(200)}}
                """);
        Files.writeString(extra.resolve("0004_drop_note.yaml"), """
                phase: contract
                operations:
                  - {type: DROP_COLUMN, table: gadget, column: note}
                """);
        String locations = "--covet.migrations.locations=classpath:db/it-migrations,filesystem:" + extra;
        try (TestDatabase db = kind.create()) {
            assertThat(command(db, "migrate", "--phase", "sideways", locations)).isEqualTo(2);
            assertThat(command(db, "migrate", "--phase", "expand", locations)).isEqualTo(0);
            assertThat(count(db, "SELECT COUNT(*) FROM covet_migrations")).isEqualTo(3);
            assertThat(count(db, "SELECT COUNT(note) FROM gadget")).isZero();
            // The pending contract step drops a column that running code may still read: lint fails the pipeline.
            assertThat(command(db, "lint", locations)).isEqualTo(1);
            assertThat(command(db, "migrate", "--phase", "contract", locations)).isEqualTo(0);
            assertThat(count(db, "SELECT COUNT(*) FROM covet_migrations")).isEqualTo(4);
            assertThat(command(db, "lint", locations)).isEqualTo(0);
        }
    }

    @AllDatabases
    void validateFailsOnDriftMadeByHand(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            assertThat(command(db, "migrate")).isEqualTo(0);
            assertThat(command(db, "validate")).isEqualTo(0);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE tag ADD COLUMN colour VARCHAR(20)");
            }
            assertThat(command(db, "validate")).isEqualTo(1);
        }
    }

    @AllDatabases
    void backupsCommandListsRestoresAndPrunes(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            assertThat(command(db, "migrate")).isEqualTo(0);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO tag (label) VALUES ('red')");
                s.execute("INSERT INTO tag (label) VALUES ('blue')");
            }
            // Rolling back 0002 drops tag and its two rows: they are backed up first.
            assertThat(command(db, "rollback", "--steps", "1")).isEqualTo(0);
            assertThat(count(db, "SELECT COUNT(*) FROM covet_backups")).isEqualTo(1);
            String id;
            try (Connection c = db.connect();
                 ResultSet rs = c.createStatement().executeQuery("SELECT id FROM covet_backups")) {
                rs.next();
                id = rs.getString(1);
            }
            assertThat(command(db, "backups", "--json")).isEqualTo(0);
            assertThat(command(db, "backups", "--restore", id, "--prune", "1")).isEqualTo(2);
            // The table is gone: restoring needs its schema back first, and says so.
            assertThat(command(db, "backups", "--restore", id)).isEqualTo(1);
            assertThat(command(db, "migrate")).isEqualTo(0);
            assertThat(command(db, "backups", "--restore", id)).isEqualTo(0);
            assertThat(count(db, "SELECT COUNT(*) FROM tag WHERE label IN ('red', 'blue')")).isEqualTo(2);
            assertThat(command(db, "backups", "--prune", "0")).isEqualTo(0);
            assertThat(count(db, "SELECT COUNT(*) FROM covet_backups")).isZero();
        }
    }

    static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs {@code covet <args>} in the test application on the database; returns the exit code. */
    static int command(TestDatabase db, String... args) {
        AtomicInteger code = new AtomicInteger(-1);
        CovetExit recorder = code::set;
        List<String> argv = new ArrayList<>(List.of("covet"));
        argv.addAll(List.of(args));
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(StarterTestApplication.class)
                .properties(properties(db).toArray(String[]::new))
                .initializers(context -> context.getBeanFactory().registerSingleton("covetExit", recorder))
                .run(argv.toArray(String[]::new))) {
            return code.get();
        }
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static JsonNode get(String url, boolean authenticated, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authenticated) {
            request.header("Authorization", AUTH);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " -> " + response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return post(url, body, true);
    }

    private static HttpResponse<String> post(String url, String body, boolean authenticated) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authenticated) {
            request.header("Authorization", AUTH);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
