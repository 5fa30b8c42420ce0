package dev.covet.migrations.autoconfigure.dashboard;

import dev.covet.migrations.autoconfigure.CovetMigrationsProperties;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.support.HandlerFunctionAdapter;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;

/**
 * The dashboard page on a separate management port ({@code management.server.port}), next to the Actuator endpoint
 * it reads, below {@code management.server.base-path}.
 * <p>
 * Boot's management child context is not a full Spring MVC setup: its dispatcher uses the handler mappings and
 * adapters defined in the child context only, and none of them serves functional routes. So this configuration
 * brings the mapping of the page's route and the adapter that runs it.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBean(DashboardPage.class)
public class CovetDashboardManagementContextConfiguration {

    @Bean
    RouterFunctionMapping covetDashboardHandlerMapping(DashboardPage page, CovetMigrationsProperties properties) {
        RouterFunctionMapping mapping = new RouterFunctionMapping(DashboardRoute.of(page, properties.getDashboard().getPath()));
        // Ahead of the child context's other mappings, so that none of them answers for the page's path.
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return mapping;
    }

    @Bean
    HandlerFunctionAdapter covetDashboardHandlerAdapter() {
        return new HandlerFunctionAdapter();
    }
}
