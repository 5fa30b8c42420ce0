package dev.covet.migrations.autoconfigure.tenant;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.autoconfigure.CovetCommandMode;
import dev.covet.migrations.autoconfigure.CovetMigrationsAutoConfiguration;
import dev.covet.migrations.autoconfigure.CovetMigrationsInitializer;
import dev.covet.migrations.autoconfigure.CovetMigrationsProperties;
import dev.covet.migrations.tenant.TenantFleet;
import dev.covet.migrations.tenant.TenantListeners;
import dev.covet.migrations.tenant.TenantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A fleet of tenants when the application has a {@link TenantSource} bean, or configures one with
 * {@code covet.migrations.tenants.enabled=true} and a pattern or URLs. The fleet migrates the tenants with the
 * application's runner configuration when {@code covet migrate --tenants} or {@code POST /actuator/migrations/tenants}
 * asks, and at startup only with {@code covet.migrations.tenants.migrate-on-startup=true}.
 */
@AutoConfiguration(after = CovetMigrationsAutoConfiguration.class)
@ConditionalOnBean({MigrationRunner.class, CovetMigrationsProperties.class})
public final class CovetTenantsAutoConfiguration {

    @Bean
    @ConditionalOnBean(TenantSource.class)
    @ConditionalOnMissingBean
    TenantFleet covetTenantFleet(MigrationRunner runner, TenantSource source, CovetMigrationsProperties properties,
            ObjectProvider<TenantListeners> listeners) {
        return new TenantFleet(runner, source, properties.getTenants().getParallelism(),
                listeners.getIfAvailable(TenantListeners::none));
    }

    /**
     * Tenants migrated at startup when asked, after the application's own database (the initializer of which it
     * takes), and never when the application was started to run a command.
     */
    @Bean
    @ConditionalOnBean(TenantSource.class)
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty("covet.migrations.tenants.migrate-on-startup")
    CovetTenantsInitializer covetTenantsInitializer(TenantFleet fleet, ObjectProvider<CovetMigrationsInitializer> ownDatabase,
            ObjectProvider<ApplicationArguments> arguments) {
        // Asking for the application's initializer makes the application's own database migrate first.
        ownDatabase.getIfAvailable();
        return new CovetTenantsInitializer(fleet, CovetCommandMode.isCommand(arguments.getIfAvailable())
                ? "started to run a covet command" : null);
    }

    /** The source configured by properties; an application's own TenantSource bean replaces it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("covet.migrations.tenants.enabled")
    static class PropertiesTenantSourceConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantSource covetTenantSource(CovetMigrationsProperties properties, MigrationRunner runner) {
            return PropertiesTenantSource.of(properties.getTenants(), runner.config().dataSource());
        }
    }
}
