package dev.covet.migrations.autoconfigure.cli;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.audit.MigrationAuditLog;
import dev.covet.migrations.autoconfigure.CovetMigrationsAutoConfiguration;
import dev.covet.migrations.autoconfigure.CovetMigrationsProperties;
import dev.covet.migrations.autoconfigure.EntityModelSource;
import dev.covet.migrations.autoconfigure.tenant.CovetTenantsAutoConfiguration;
import dev.covet.migrations.cli.CommandOutput;
import dev.covet.migrations.cli.CovetCommand;
import dev.covet.migrations.cli.CovetCommandDispatcher;
import dev.covet.migrations.cli.CovetCommands;
import dev.covet.migrations.safety.RollbackValidator;
import dev.covet.migrations.tenant.TenantFleet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import java.util.List;

/**
 * The {@code covet} commands: {@code java -jar app.jar covet <command> [options]}. The commands live in core
 * ({@code dev.covet.migrations.cli}); this wires them to the application's runner, properties and entity model.
 */
@AutoConfiguration(after = {CovetMigrationsAutoConfiguration.class, CovetTenantsAutoConfiguration.class})
@ConditionalOnBean({MigrationRunner.class, RollbackValidator.class})
public final class CovetCommandAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CovetExit covetExit(ApplicationContext context) {
        return new SpringApplicationExit(context);
    }

    /** Where commands print: standard output and error (a bean, so a wrapper or a test can capture them). */
    @Bean
    @ConditionalOnMissingBean
    CommandOutput covetCommandOutput() {
        return new CommandOutput(System.out, System.err);
    }

    @Bean
    @ConditionalOnMissingBean
    CovetCommandDispatcher covetCommandDispatcher(MigrationRunner runner, RollbackValidator validator,
            CovetMigrationsProperties properties, ObjectProvider<EntityModelSource> model,
            ObjectProvider<MigrationAuditLog> auditLog, ObjectProvider<TenantFleet> tenants, CommandOutput output) {
        EntityModelSource entities = model.getIfAvailable();
        List<CovetCommand> commands = CovetCommands.all(runner, validator, auditLog.getIfAvailable(),
                PropertiesCommandSettings.of(properties), entities == null ? null : entities::read, tenants.getIfAvailable());
        return new CovetCommandDispatcher(commands, output);
    }

    @Bean
    @ConditionalOnMissingBean
    CovetCommandRunner covetCommandRunner(CovetCommandDispatcher dispatcher, CovetExit exit) {
        return new CovetCommandRunner(dispatcher, exit);
    }
}
