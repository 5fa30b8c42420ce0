package dev.covet.migrations.autoconfigure.cli;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.autoconfigure.CovetMigrationsAutoConfiguration;
import dev.covet.migrations.safety.RollbackValidator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import java.util.List;

import dev.covet.migrations.audit.MigrationAuditLog;
import dev.covet.migrations.autoconfigure.CovetMigrationsProperties;
import dev.covet.migrations.autoconfigure.EntityModelSource;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The {@code covet} commands: {@code java -jar app.jar covet <command> [options]}.
 */
@AutoConfiguration(after = CovetMigrationsAutoConfiguration.class)
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
            ObjectProvider<MigrationAuditLog> auditLog, CommandOutput output) {
        List<CovetCommand> commands = List.of(new MigrateCommand(runner), new RollbackCommand(validator),
                new StatusCommand(runner), new SqlMigrateCommand(runner), new ValidateCommand(runner),
                new MakeMigrationsCommand(runner, properties, model.getIfAvailable()), new BaselineCommand(runner, properties),
                new SquashCommand(runner, properties), new AuditCommand(auditLog.getIfAvailable()),
                new LintCommand(runner, properties.getLint().getSuppressions()), new BackupsCommand(runner));
        return new CovetCommandDispatcher(commands, output);
    }

    @Bean
    @ConditionalOnMissingBean
    CovetCommandRunner covetCommandRunner(CovetCommandDispatcher dispatcher, CovetExit exit) {
        return new CovetCommandRunner(dispatcher, exit);
    }
}
