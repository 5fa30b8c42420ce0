package dev.covet.sample;

import org.junit.jupiter.api.Test;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop starts on a fresh SQLite file: its migration runs before Hibernate validates the schema, and the API
 * works against the migrated tables. Needs the core engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopApplicationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("covet-shop-");
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + dir.resolve("shop.db"));
    }

    @LocalServerPort
    int port;

    @Autowired
    MigrationRunner runner;

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

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }
}
