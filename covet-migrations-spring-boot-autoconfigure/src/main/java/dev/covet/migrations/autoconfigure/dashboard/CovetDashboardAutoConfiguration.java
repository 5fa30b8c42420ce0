package dev.covet.migrations.autoconfigure.dashboard;

import dev.covet.migrations.autoconfigure.CovetMigrationsAutoConfiguration;
import dev.covet.migrations.autoconfigure.CovetMigrationsProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.nio.charset.StandardCharsets;

/**
 * Serves the dashboard page at {@code covet.migrations.dashboard.path} when
 * {@code covet.migrations.dashboard.enabled=true} in a servlet web application. The page holds no data: it reads
 * the {@code migrations} Actuator endpoint, so it shows only what that endpoint's exposure and security allow.
 */
@AutoConfiguration(after = CovetMigrationsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBooleanProperty(name = "covet.migrations.dashboard.enabled")
@ConditionalOnBean(CovetMigrationsProperties.class)
public final class CovetDashboardAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DashboardPage covetDashboardPage(Environment environment, CovetMigrationsProperties properties) {
        return new DashboardPage(environment.getProperty("management.endpoints.web.base-path", "/actuator"),
                properties.getDashboard().getPath());
    }

    @Bean
    RouterFunction<ServerResponse> covetDashboardRoute(DashboardPage page, CovetMigrationsProperties properties) {
        String html = page.html();
        return RouterFunctions.route().GET(properties.getDashboard().getPath(), request -> ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(html)).build();
    }
}
