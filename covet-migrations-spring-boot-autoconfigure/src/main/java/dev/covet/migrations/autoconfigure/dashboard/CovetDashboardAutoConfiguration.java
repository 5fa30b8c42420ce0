package dev.covet.migrations.autoconfigure.dashboard;

import dev.covet.migrations.autoconfigure.CovetMigrationsAutoConfiguration;
import dev.covet.migrations.autoconfigure.CovetMigrationsProperties;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves the dashboard page at {@code covet.migrations.dashboard.path} when
 * {@code covet.migrations.dashboard.enabled=true} in a servlet web application with Actuator. The page holds no data:
 * it reads the {@code migrations} Actuator endpoint, so it shows only what that endpoint's exposure and security allow.
 * <p>
 * The page is served where the endpoint is: here, on the application's port, when Actuator shares it; on the
 * management port ({@link CovetDashboardManagementContextConfiguration}) when {@code management.server.port} sets
 * one of its own, so the page reads its data from its own origin either way.
 */
@AutoConfiguration(after = CovetMigrationsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({RouterFunction.class, ManagementPortType.class})
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
    @ConditionalOnManagementPort(ManagementPortType.SAME)
    RouterFunction<ServerResponse> covetDashboardRoute(DashboardPage page, CovetMigrationsProperties properties) {
        return DashboardRoute.of(page, properties.getDashboard().getPath());
    }
}
