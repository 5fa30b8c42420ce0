package dev.covet.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.autoconfigure.EntityModelSource;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.generate.MakeMigrations;
import dev.covet.migrations.generate.MakeMigrationsResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop starts on a fresh SQLite file: its migration runs before Hibernate validates the schema, and the API
 * works against the migrated tables. Needs the core engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopApplicationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The database's directory, deleted by JUnit after the class. */
    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + dir.resolve("shop.db"));
    }

    @LocalServerPort
    int port;

    @Autowired
    MigrationRunner runner;

    @Autowired
    EntityModelSource model;

    @Test
    void migratesAndServesTheApi() throws Exception {
        assertThat(runner.status().pending()).isEmpty();
        JsonNode customer = post("/api/customers", "{\"email\":\"ada@example.com\",\"name\":\"Ada\"}");
        JsonNode product = post("/api/products", "{\"sku\":\"SKU-1\",\"name\":\"Widget\",\"price\":9.99}");
        JsonNode order = post("/api/orders", "{\"customerId\":" + customer.get("id").asLong() + ",\"lines\":[{\"productId\":"
                + product.get("id").asLong() + ",\"quantity\":2}]}");
        assertThat(order.get("lines")).hasSize(1);
        HttpResponse<String> migrations = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/migrations")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(migrations.body()).get("applied").get(0).get("id").asString()).isEqualTo("0001_initial_shop");
    }

    @Test
    void entitiesAndMigrationsAgreeAndTheDatabaseHasNotDrifted(@TempDir Path out) throws Exception {
        // What makemigrations would write from the entities: nothing, the migration file already says it all.
        MakeMigrationsResult result = new MakeMigrations(runner, new RenameDetector()).run(model.read(), null, null, out, false);
        assertThat(result.changed()).as("makemigrations would write %s", result.operations()).isFalse();
        assertThat(runner.drift().inSync()).as(runner.drift().toString()).isTrue();
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/covet/dashboard")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Covet Migrations");
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }
}
