package dev.covet.migrations.autoconfigure.dashboard;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.nio.charset.StandardCharsets;

/** The one route of the dashboard: its page at its path, never cached (the page is the same, the data is not). */
final class DashboardRoute {

    private DashboardRoute() {
    }

    static RouterFunction<ServerResponse> of(DashboardPage page, String path) {
        String html = page.html();
        return RouterFunctions.route().GET(path, request -> ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(html)).build();
    }
}
