package dev.covet.migrations.autoconfigure.dashboard;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The dashboard's HTML: one self-contained page (no external scripts, styles or fonts) that reads the
 * {@code migrations} endpoint's {@code /dashboard} document and draws it.
 */
public final class DashboardPage {

    private static final String TEMPLATE = "dev/covet/migrations/dashboard/dashboard.html";
    private static final String DATA_URL_PLACEHOLDER = "__COVET_DASHBOARD_DATA_URL__";

    private final String html;

    /**
     * Loads the page for an Actuator base path, served at {@code /covet/dashboard}.
     *
     * @param actuatorBasePath {@code management.endpoints.web.base-path} ({@code /actuator} by default)
     */
    public DashboardPage(String actuatorBasePath) {
        this(actuatorBasePath, "/covet/dashboard");
    }

    /**
     * Loads the page for an Actuator base path and the path the page is served at. The page reads the endpoint by a
     * URL relative to its own ({@code ../actuator/migrations/dashboard} from {@code /covet/dashboard}), so it finds
     * it under any {@code server.servlet.context-path} the browser came through.
     *
     * @param actuatorBasePath {@code management.endpoints.web.base-path} ({@code /actuator} by default)
     * @param pagePath {@code covet.migrations.dashboard.path}
     */
    public DashboardPage(String actuatorBasePath, String pagePath) {
        String base = actuatorBasePath == null || actuatorBasePath.isBlank() ? "/actuator" : actuatorBasePath.trim();
        String endpoint = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/migrations/dashboard";
        if (!endpoint.matches("[A-Za-z0-9/_.-]+")) {
            throw new IllegalArgumentException("management.endpoints.web.base-path '" + base
                    + "' has characters the dashboard cannot embed (letters, digits, / _ . - only)");
        }
        this.html = template().replace(DATA_URL_PLACEHOLDER, relativeTo(pagePath, endpoint));
    }

    /** The endpoint's path relative to the page's: one {@code ../} per directory the page is below the root. */
    static String relativeTo(String pagePath, String endpointPath) {
        long depth = pagePath.replaceAll("/+$", "").chars().filter(ch -> ch == '/').count() - 1;
        return "../".repeat((int) Math.max(0, depth)) + endpointPath.replaceFirst("^/+", "");
    }

    /** The page. */
    public String html() {
        return html;
    }

    private static String template() {
        try (InputStream in = new ClassPathResource(TEMPLATE, DashboardPage.class.getClassLoader()).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard page " + TEMPLATE, e);
        }
    }
}
