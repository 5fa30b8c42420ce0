package dev.covet.migrations.dashboardit;

import dev.covet.migrations.Direction;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.audit.MigrationAuditLog;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard page, loaded in headless Chromium, draws what the audit trail holds. */
// Full Spring Boot applications: Logback's re-initialization by two starting at once races (a
// ConcurrentModificationException in LoggerContext), so these classes do not run alongside each other.
@ResourceLock("spring-boot-logging")
class DashboardPageBrowserTests {

    @TempDir
    Path dir;

    @Test
    void pageDrawsVelocitySuccessRecentAndFailedExecutions() throws Exception {
        Optional<Path> browser = HeadlessChromium.find();
        if (browser.isEmpty()) {
            String why = "no headless Chromium (install Debian's chromium package, or set COVET_TEST_CHROMIUM)";
            assertThat("true".equalsIgnoreCase(System.getenv("CI"))).as("CI=true needs the browser: " + why).isFalse();
            Assumptions.abort(why);
        }
        try (ConfigurableApplicationContext context = start(true)) {
            MigrationAuditLog audit = context.getBean(MigrationAuditLog.class);
            long failed = audit.recordExecutionStart(MigrationId.parse("0003_broken", MigrationId.DEFAULT_APP), Direction.UP,
                    "ci-bot", "staging", Map.of("ticket", "OPS-7"));
            audit.recordExecutionComplete(failed, false, Duration.ofMillis(42), 0, List.of("ALTER TABLE nope ADD x int"),
                    "relation \"nope\" does not exist");

            String dom = HeadlessChromium.dumpDom(browser.get(), base(context) + "/covet/dashboard");

            assertThat(dom).contains("data-loaded=\"true\"").doesNotContain("id=\"error\"");
            assertThat(dom).contains("id=\"recent-table\"").contains("data-migration=\"0001_create_gadget\"")
                    .contains("data-migration=\"0002_create_tag\"");
            assertThat(dom).contains("id=\"failed-table\"").contains("relation \"nope\" does not exist");
            assertThat(dom).contains("id=\"velocity-chart\"").containsPattern("data-count=\"3\"");
            // All three executions are today: one bar, as wide as a bar, not the whole chart.
            assertThat(dom).containsPattern("<rect[^>]* width=\"40\"[^>]*data-count=\"3\"");
            // Two successful executions and one failed one.
            assertThat(dom).contains("data-rate=\"0.6667\"").contains("66.7%");
        }
    }

    @Test
    void pageFindsTheEndpointUnderAContextPathAndACustomActuatorBasePath() throws Exception {
        Optional<Path> browser = HeadlessChromium.find();
        if (browser.isEmpty()) {
            String why = "no headless Chromium (install Debian's chromium package, or set COVET_TEST_CHROMIUM)";
            assertThat("true".equalsIgnoreCase(System.getenv("CI"))).as("CI=true needs the browser: " + why).isFalse();
            Assumptions.abort(why);
        }
        try (ConfigurableApplicationContext context = start(true, "server.servlet.context-path=/shop",
                "management.endpoints.web.base-path=/manage")) {
            String dom = HeadlessChromium.dumpDom(browser.get(), base(context) + "/shop/covet/dashboard");
            assertThat(dom).contains("data-loaded=\"true\"").doesNotContain("id=\"error\"")
                    .contains("data-migration=\"0001_create_gadget\"");
        }
    }

    @Test
    void pageIsServedOnlyWhenEnabled() throws Exception {
        try (ConfigurableApplicationContext context = start(false)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base(context) + "/covet/dashboard")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
        }
        try (ConfigurableApplicationContext context = start(true)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base(context) + "/covet/dashboard")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            // Self-contained: no script, style or font is fetched from anywhere else.
            assertThat(response.body()).contains("/actuator/migrations/dashboard").doesNotContain("http://cdn", "https://")
                    .doesNotContainPattern("<script[^>]+src=");
        }
    }

    private ConfigurableApplicationContext start(boolean dashboard, String... more) {
        return new SpringApplicationBuilder(DashboardTestApplication.class).web(WebApplicationType.SERVLET)
                .properties("spring.datasource.url=jdbc:sqlite:" + dir.resolve(dashboard + "-" + more.length + ".db"),
                        "covet.migrations.locations=classpath:db/it-migrations",
                        "covet.migrations.dashboard.enabled=" + dashboard,
                        "management.endpoints.web.exposure.include=health,migrations",
                        "server.port=0")
                .properties(more)
                .run();
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
