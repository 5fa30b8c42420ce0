package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.JavaMigration;
import dev.covet.migrations.MigrationListener;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.MigrationPhase;
import dev.covet.migrations.autoconfigure.CovetMigrationsInitializer.StartupSettings;
import dev.covet.migrations.LintSuppressions;
import dev.covet.migrations.audit.AuditingListener;
import dev.covet.migrations.audit.MigrationAuditLog;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.schema.TableFilter;
import dev.covet.migrations.dialect.SqliteDialect;
import dev.covet.migrations.safety.RollbackPolicy;
import dev.covet.migrations.safety.RollbackValidator;
import dev.covet.migrations.tenant.TenantListeners;
import org.hibernate.boot.MetadataSources;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * Auto-configuration of Covet Migrations: a {@link MigrationRunner} on the application's (or a dedicated)
 * DataSource, startup migration ordered before the beans that use the database, and a
 * {@link RollbackValidator}. Active when there is a database to migrate: the application's DataSource, or
 * {@code covet.migrations.url} alone. Every bean backs off when the user defines one of the same type.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(MigrationRunner.class)
@Conditional(MigrationDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "covet.migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CovetMigrationsProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
@ImportRuntimeHints(CovetMigrationsRuntimeHints.class)
public final class CovetMigrationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CovetMigrationsTarget covetMigrationsTarget(CovetMigrationsProperties properties, ObjectProvider<DataSource> dataSource,
            @CovetMigrationsDataSource ObjectProvider<DataSource> migrationDataSource,
            ObjectProvider<JdbcConnectionDetails> connectionDetails) {
        return target(properties, migrationDataSource.getIfAvailable(), dataSource.getIfUnique(),
                connectionDetails.getIfUnique());
    }

    /** The migration DataSource (see {@link MigrationDataSourceResolver}) and its dialect. */
    static CovetMigrationsTarget target(CovetMigrationsProperties properties, DataSource qualified, DataSource application,
            JdbcConnectionDetails connectionDetails) {
        DataSource target = MigrationDataSourceResolver.resolve(qualified, application, connectionDetails, properties);
        SqliteDirectories.createParentDirectory(target);
        Dialect dialect = JdbcUrlDialectResolver.resolve(properties.getDialect(), target);
        if (dialect instanceof SqliteDialect && properties.getSqlite().isForceTableRebuild()) {
            dialect = new SqliteDialect(true);
        }
        return new CovetMigrationsTarget(target, dialect);
    }

    @Bean
    @ConditionalOnMissingBean
    MigrationRunner covetMigrationRunner(CovetMigrationsProperties properties, CovetMigrationsTarget target,
            ObjectProvider<CovetMigrationsCustomizer> customizers, ObjectProvider<JavaMigration> javaMigrations,
            ObjectProvider<MigrationListener> listeners, ResourceLoader resourceLoader) {
        MigrationRunner.Builder builder = runnerBuilder(properties, target, resourceLoader.getClassLoader());
        javaMigrations.orderedStream().forEach(builder::javaMigration);
        listeners.orderedStream().forEach(builder::listener);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** A runner builder configured from the properties, before beans (Java migrations, listeners, customizers) add to it. */
    static MigrationRunner.Builder runnerBuilder(CovetMigrationsProperties properties, CovetMigrationsTarget target,
            ClassLoader classLoader) {
        MigrationRunner.Builder builder = MigrationRunner.builder(target.dataSource())
                .dialect(target.dialect())
                .locations(properties.getLocations())
                .tablePrefix(properties.getTablePrefix())
                .lockTimeout(properties.getLockTimeout())
                .validateChecksums(properties.isValidateChecksums())
                .backupMaxRows(properties.getBackup().getMaxRows())
                .maxReplicaLag(properties.getBatch().getMaxReplicaLag())
                .replicas(BatchReplicas.of(properties.getBatch(), target.dataSource()))
                .unmanagedTables(TableFilter.of("covet.migrations.unmanaged-tables", properties.getUnmanagedTables()));
        if (classLoader != null) {
            builder.classLoader(classLoader);
        }
        return builder.appliedBy(AuditIdentity.executor(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    CovetMigrationsInitializer covetMigrationsInitializer(MigrationRunner runner,
            ObjectProvider<CovetMigrationStrategy> strategy, CovetMigrationsProperties properties,
            ObjectProvider<ApplicationArguments> arguments) {
        return new CovetMigrationsInitializer(runner, strategy.getIfAvailable(), startupSettings(properties,
                arguments.getIfAvailable()));
    }

    private static StartupSettings startupSettings(CovetMigrationsProperties properties, ApplicationArguments arguments) {
        if (CovetCommandMode.isCommand(arguments)) {
            return new StartupSettings(true, "started to run a covet command", null, false);
        }
        if (!properties.isRunOnStartup()) {
            return new StartupSettings(true, "covet.migrations.run-on-startup=false", null, false);
        }
        LintSuppressions lint = properties.getLint().isEnabled()
                ? LintSuppressions.parse(properties.getLint().getSuppressions()) : null;
        return new StartupSettings(false, null, properties.getTarget(), properties.isDryRun(),
                MigrationPhase.parse(properties.getPhase()), lint);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "covet.migrations.audit.enabled", matchIfMissing = true)
    MigrationAuditLog covetMigrationAuditLog(CovetMigrationsTarget target, CovetMigrationsProperties properties) {
        return auditLog(target, properties);
    }

    static MigrationAuditLog auditLog(CovetMigrationsTarget target, CovetMigrationsProperties properties) {
        // Audit writes retry as long as a run waits for the migration lock: a row is never dropped for a busy database.
        return new MigrationAuditLog(target.dataSource(), target.dialect(), properties.getTablePrefix(),
                Clock.systemUTC(), properties.getLockTimeout());
    }

    @Bean
    @ConditionalOnBean(MigrationAuditLog.class)
    @ConditionalOnMissingBean
    AuditingListener covetAuditingListener(MigrationAuditLog auditLog, CovetMigrationsProperties properties,
            Environment environment) {
        return auditingListener(auditLog, properties, environment);
    }

    static AuditingListener auditingListener(MigrationAuditLog auditLog, CovetMigrationsProperties properties,
            Environment environment) {
        return new AuditingListener(auditLog, AuditIdentity.executor(properties),
                AuditIdentity.environment(properties, environment), properties.getAudit().getMetadata());
    }

    /**
     * Each tenant of a fleet audited in its own database, as the application is in its own: the application's audit
     * log describes the application's database, and tenants migrated at once must not write into it together.
     */
    @Bean
    @ConditionalOnBean(MigrationAuditLog.class)
    @ConditionalOnMissingBean
    TenantListeners covetTenantListeners(CovetMigrationsProperties properties, Environment environment) {
        return tenantListeners(properties, environment);
    }

    static TenantListeners tenantListeners(CovetMigrationsProperties properties, Environment environment) {
        return (tenant, dataSource, dialect) -> List.of(auditingListener(new MigrationAuditLog(dataSource, dialect,
                properties.getTablePrefix(), Clock.systemUTC(), properties.getLockTimeout()), properties, environment));
    }

    @Bean
    @ConditionalOnMissingBean
    RollbackValidator covetRollbackValidator(MigrationRunner runner, CovetMigrationsProperties properties) {
        return rollbackValidator(runner, properties);
    }

    static RollbackValidator rollbackValidator(MigrationRunner runner, CovetMigrationsProperties properties) {
        return new RollbackValidator(runner, RollbackPolicy.defaults()
                .alwaysBackUp(properties.getRollback().isRequireBackup())
                .verifyChecksums(properties.isValidateChecksums())
                .highRiskAbove(properties.getRollback().getMaxDataLossRows()));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("covet.migrations.slow-migration-threshold")
    SlowMigrationLogger covetSlowMigrationLogger(CovetMigrationsProperties properties) {
        return new SlowMigrationLogger(properties.getSlowMigrationThreshold());
    }

    /** The JPA entities as makemigrations' model, when JPA is in use. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({PersistenceManagedTypes.class, MetadataSources.class})
    static final class JpaModelConfiguration {

        @Bean
        @ConditionalOnMissingBean
        EntityModelSource covetEntityModelSource(
                ObjectProvider<PersistenceManagedTypes> types,
                CovetMigrationsTarget target, Environment environment,
                ResourceLoader resourceLoader) {
            // Looked up when read, not now: JPA's auto-configuration runs after Covet's.
            return new JpaEntityModelSource(() -> {
                PersistenceManagedTypes managed = types.getIfAvailable();
                return managed == null ? List.of() : managed.getManagedClassNames();
            }, target.dialect(), environment, resourceLoader.getClassLoader());
        }
    }
}
