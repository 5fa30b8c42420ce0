package dev.covet.migrations.autoconfigure.endpoint;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.audit.MigrationAuditLog;
import dev.covet.migrations.autoconfigure.CovetMigrationsAutoConfiguration;
import dev.covet.migrations.autoconfigure.CovetMigrationsProperties;
import dev.covet.migrations.autoconfigure.tenant.CovetTenantsAutoConfiguration;
import dev.covet.migrations.endpoint.CovetMigrationsEndpoint;
import dev.covet.migrations.safety.RollbackValidator;
import dev.covet.migrations.tenant.TenantFleet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@link CovetMigrationsEndpoint}, when Actuator is present and the endpoint is available
 * (enabled and exposed).
 */
@AutoConfiguration(after = {CovetMigrationsAutoConfiguration.class, CovetTenantsAutoConfiguration.class})
@ConditionalOnClass({MigrationRunner.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnAvailableEndpoint(CovetMigrationsEndpoint.class)
public final class CovetMigrationsEndpointAutoConfiguration {

    @Bean
    @ConditionalOnBean({MigrationRunner.class, RollbackValidator.class, CovetMigrationsProperties.class})
    @ConditionalOnMissingBean
    CovetMigrationsEndpoint covetMigrationsEndpoint(MigrationRunner runner, RollbackValidator rollbackValidator,
            CovetMigrationsProperties properties,
            ObjectProvider<MigrationAuditLog> auditLog, ObjectProvider<TenantFleet> tenants) {
        return new CovetMigrationsEndpoint(runner, rollbackValidator, properties.getActuator().isWriteEnabled(),
                auditLog.getIfAvailable(), tenants.getIfAvailable());
    }
}
