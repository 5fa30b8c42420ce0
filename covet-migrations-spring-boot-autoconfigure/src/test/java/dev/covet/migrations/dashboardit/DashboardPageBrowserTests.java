package dev.covet.migrations.dashboardit;

import dev.covet.migrations.Direction;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.audit.MigrationAuditLog;
import dev.covet.migrations.endpoint.FailedHistoryRows;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard page, loaded in headless Chromium, draws what the audit trail, the history, the lock and the live
 * schema hold; the panels are measured in the live page and photographed (PNG under
 * {@code target/dashboard-screenshots}), and the picture is checked where the panels were measured.
 */
// Full Spring Boot applications: Logback's re-initialization by two starting at once races (a
// ConcurrentModificationException in LoggerContext), so these classes do not run alongside each other.
@ResourceLock("spring-boot-logging")
class DashboardPageBrowserTests {

    @TempDir
    Path dir;

    @Test
    void pageDrawsVelocitySuccessRecentAndFailedExecutions() throws Exception {
        Path browser = browser();
        try (ConfigurableApplicationContext context = start(true)) {
            MigrationAuditLog audit = context.getBean(MigrationAuditLog.class);
            long failed = audit.recordExecutionStart(MigrationId.parse("0003_broken", MigrationId.DEFAULT_APP), Direction.UP,
                    "ci-bot", "staging", Map.of("ticket", "OPS-7"));
            audit.recordExecutionComplete(failed, false, Duration.ofMillis(42), 0, List.of("ALTER TABLE nope ADD x int"),
                    "relation \"nope\" does not exist");

            String dom = HeadlessChromium.dumpDom(browser, base(context) + "/covet/dashboard");

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
        Path browser = browser();
        try (ConfigurableApplicationContext context = start(true, "server.servlet.context-path=/shop",
                "management.endpoints.web.base-path=/manage")) {
            String dom = HeadlessChromium.dumpDom(browser, base(context) + "/shop/covet/dashboard");
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

    @Test
    void everyPanelWithOneDayOfAuditALockHolderDriftAPendingMigrationAndALongError() throws Exception {
        Path browser = browser();
        try (ConfigurableApplicationContext context = start(true, "covet.migrations.target=0001_create_gadget")) {
            MigrationAuditLog audit = context.getBean(MigrationAuditLog.class);
            long failed = audit.recordExecutionStart(MigrationId.parse("0003_broken", MigrationId.DEFAULT_APP), Direction.UP,
                    "ci-bot", "staging", Map.of());
            audit.recordExecutionComplete(failed, false, Duration.ofMillis(42), 0, List.of("ALTER TABLE nope ADD x int"),
                    "relation nope does not exist: " + LONG_ERROR);
            DataSource dataSource = context.getBean(DataSource.class);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE made_by_hand (id INTEGER)");
                s.execute("INSERT OR REPLACE INTO covet_lock (id, owner, host, pid, acquired_at, expires_at) VALUES (1, 'o',"
                        + " 'build-host-7', 4242, " + System.currentTimeMillis() + ", " + (System.currentTimeMillis() + 3_600_000) + ")");
            }
            FailedHistoryRows.insert(dataSource, "0009_half_done", "ran 1 of 2 statements; failed: " + LONG_ERROR);

            try (ChromiumPage page = ChromiumPage.open(browser, 1280, 900)) {
                assertThat(page.load(base(context) + "/covet/dashboard")).isEqualTo("true");
                Layout layout = Layout.measure(page);
                layout.assertPanelsInsideThePage();
                layout.assertPicture(page.screenshot(SCREENSHOTS.resolve("one-day.png")));

                assertThat(layout.value("document.querySelector('#lock-state').dataset.state")).isEqualTo("held");
                assertThat(layout.value("document.querySelector('#lock').textContent")).contains("build-host-7").contains("4242");
                assertThat(layout.value("document.querySelector('#drift-state').dataset.state")).isEqualTo("drift");
                assertThat(layout.count("#drift-list li[data-table='made_by_hand']")).isEqualTo(1);
                assertThat(layout.count("#failed-migrations-table tr[data-migration='0009_half_done']")).isEqualTo(1);
                assertThat(layout.count("#failed-table tr[data-migration='0003_broken']")).isEqualTo(1);
                // Two files: one applied, one pending, drawn as two nodes joined by their dependency.
                assertThat(layout.count("#graph-svg g.node")).isEqualTo(2);
                assertThat(layout.count("#graph-svg g.node[data-state='APPLIED'][data-migration='0001_create_gadget']")).isEqualTo(1);
                assertThat(layout.count("#graph-svg g.node[data-state='PENDING'][data-migration='0002_create_tag']")).isEqualTo(1);
                assertThat(layout.count("#graph-svg path.edge[data-from='0001_create_gadget'][data-to='0002_create_tag']")).isEqualTo(1);
                // One day of audit: one bar, as wide as a bar, not the whole chart.
                assertThat(layout.value("document.querySelector('#velocity-chart').dataset.unit")).isEqualTo("day");
                assertThat(layout.count("#velocity-chart rect[width='40']")).isEqualTo(1);

                // The pending migration's SQL is fetched when it is opened, not before.
                assertThat(layout.count("#pending details[data-migration='0002_create_tag'] pre[data-state]")).isZero();
                String sql = page.evaluate("""
                        new Promise(resolve => {
                          const item = document.querySelector("#pending details[data-migration='0002_create_tag']");
                          const pre = item.querySelector('pre');
                          item.open = true;
                          const check = () => pre.dataset.state === 'loaded' || pre.dataset.state === 'error'
                              ? resolve(pre.dataset.state + ': ' + pre.textContent) : setTimeout(check, 25);
                          check();
                        })""").asString();
                assertThat(sql).startsWith("loaded: ").contains("CREATE TABLE").contains("tag");
                Layout.measure(page).assertPanelsInsideThePage();
                page.screenshot(SCREENSHOTS.resolve("one-day-sql-open.png"));
            }
        }
    }

    @Test
    void fiveHundredMigrationsOverFiveHundredDaysStayReadable() throws Exception {
        Path browser = browser();
        Path migrations = Files.createDirectories(dir.resolve("many"));
        int files = 500, applied = 480;
        for (int i = 1; i <= files; i++) {
            Files.writeString(migrations.resolve(String.format("%04d_create_t%04d.yaml", i, i)), String.format("""
                    operations:
                      - type: CREATE_TABLE
                        table: t%04d
                        columns:
                          - {name: id, type: BIGINT, nullable: false, primary_key: true}
                    """, i));
        }
        // Without the audit trail the history is the chart's source, and it spans every day something was applied.
        try (ConfigurableApplicationContext context = start(true, "covet.migrations.locations=filesystem:" + migrations,
                "covet.migrations.audit.enabled=false", String.format("covet.migrations.target=%04d_create_t%04d", applied, applied))) {
            DataSource dataSource = context.getBean(DataSource.class);
            try (Connection c = dataSource.getConnection();
                 PreparedStatement p = c.prepareStatement("UPDATE covet_migrations SET applied_at = ? WHERE name = ?")) {
                Instant now = Instant.now();
                for (int i = 1; i <= applied; i++) {
                    p.setTimestamp(1, Timestamp.from(now.minus((long) (applied - i) * 500 / applied, ChronoUnit.DAYS)));
                    p.setString(2, String.format("%04d_create_t%04d", i, i));
                    p.addBatch();
                }
                p.executeBatch();
            }

            try (ChromiumPage page = ChromiumPage.open(browser, 1280, 900)) {
                assertThat(page.load(base(context) + "/covet/dashboard")).isEqualTo("true");
                Layout layout = Layout.measure(page);
                layout.assertPanelsInsideThePage();
                layout.assertPicture(page.screenshot(SCREENSHOTS.resolve("five-hundred-days.png")));

                assertThat(layout.count("#graph-svg g.node")).isEqualTo(files);
                assertThat(layout.count("#graph-svg g.node[data-state='PENDING']")).isEqualTo(files - applied);
                assertThat(layout.count("#pending details")).isEqualTo(files - applied);
                // The graph and the pending list scroll in their boxes instead of stretching the page.
                assertThat(layout.number("document.querySelector('#graph').getBoundingClientRect().height")).isLessThan(450);
                assertThat(layout.number("document.querySelector('#pending').getBoundingClientRect().height")).isLessThan(450);
                // Five hundred days are grouped (weeks or months): bars at least a pixel wide, labels apart.
                assertThat(layout.value("document.querySelector('#velocity-chart').dataset.unit")).isIn("week", "month");
                assertThat(layout.number("document.querySelectorAll('#velocity-chart rect').length")).isBetween(2.0, 62.0);
                assertThat(layout.number("Math.min(...[...document.querySelectorAll('#velocity-chart rect')]"
                        + ".map(r => r.getBoundingClientRect().width))")).isGreaterThanOrEqualTo(1.0);
                assertThat(layout.number("""
                        (() => { const boxes = [...document.querySelectorAll('#velocity-chart text.axis')]
                            .map(t => t.getBoundingClientRect()).sort((a, b) => a.left - b.left);
                          let overlaps = 0;
                          for (let i = 1; i < boxes.length; i++) if (boxes[i].left < boxes[i - 1].right) overlaps++;
                          return boxes.length < 2 ? -1 : overlaps; })()""")).isZero();
            }
        }
    }

    @Test
    void pageIsServedOnASeparateManagementPortNextToTheEndpoint() throws Exception {
        Path browser = browser();
        try (ConfigurableApplicationContext context = start(true, "management.server.port=0",
                "management.server.base-path=/ops")) {
            String management = "http://localhost:" + context.getEnvironment().getProperty("local.management.port");
            HttpResponse<String> onAppPort = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base(context) + "/covet/dashboard")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(onAppPort.statusCode()).as("the page is where the endpoint is, not on the application's port")
                    .isEqualTo(404);

            try (ChromiumPage page = ChromiumPage.open(browser, 1280, 900)) {
                assertThat(page.load(management + "/ops/covet/dashboard")).isEqualTo("true");
                Layout layout = Layout.measure(page);
                layout.assertPanelsInsideThePage();
                layout.assertPicture(page.screenshot(SCREENSHOTS.resolve("management-port.png")));
                assertThat(layout.count("#graph-svg g.node")).isEqualTo(2);
                assertThat(layout.count("#recent-table tr[data-migration='0002_create_tag']")).isEqualTo(1);
            }
        }
    }


    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    /** An error longer than any screen is wide, with no space to break at. */
    private static final String LONG_ERROR = "x".repeat(2000);

    private static Path browser() {
        Optional<Path> browser = HeadlessChromium.find();
        if (browser.isEmpty()) {
            String why = "no headless Chromium (install Debian's chromium package, or set COVET_TEST_CHROMIUM)";
            assertThat("true".equalsIgnoreCase(System.getenv("CI"))).as("CI=true needs the browser: " + why).isFalse();
            Assumptions.abort(why);
        }
        return browser.get();
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
