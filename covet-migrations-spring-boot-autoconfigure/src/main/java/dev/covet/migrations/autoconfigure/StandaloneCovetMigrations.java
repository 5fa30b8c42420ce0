package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.audit.MigrationAuditLog;
import dev.covet.migrations.autoconfigure.tenant.PropertiesTenantSource;
import dev.covet.migrations.safety.RollbackValidator;
import dev.covet.migrations.tenant.TenantFleet;
import dev.covet.migrations.tenant.TenantListeners;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.List;

/**
 * Covet Migrations built from configuration alone, without starting an application: for a launcher outside the
 * application (the Maven plugin) that has read the application's {@code application.yml} into an {@link Environment}.
 * The pieces are made as the auto-configuration makes its beans, by the same methods: the migration DataSource and
 * dialect ({@code covet.migrations.url}, else {@code spring.datasource.*} as an unpooled DataSource), the runner,
 * the audit log and its listener (unless {@code covet.migrations.audit.enabled=false}), the rollback validator and the
 * entity model (read as {@code JpaEntityModelSource} reads the application's, with its {@code spring.jpa.*} settings).
 *
 * <p>What only an application context has is absent: {@link dev.covet.migrations.JavaMigration} beans,
 * {@link CovetMigrationsCustomizer}s, other {@link dev.covet.migrations.MigrationListener} beans and a
 * {@link CovetMigrationsDataSource}-qualified DataSource, and connection details from a container or Docker Compose.
 */
public final class StandaloneCovetMigrations {

    private static final String HIBERNATE = "org.hibernate.boot.MetadataSources";

    private final CovetMigrationsProperties properties;
    private final CovetMigrationsTarget target;
    private final MigrationRunner runner;
    private final RollbackValidator rollbackValidator;
    private final MigrationAuditLog auditLog;
    private final EntityModelSource entityModel;
    private final TenantFleet tenants;

    private StandaloneCovetMigrations(CovetMigrationsProperties properties, CovetMigrationsTarget target, MigrationRunner runner,
            RollbackValidator rollbackValidator, MigrationAuditLog auditLog, EntityModelSource entityModel, TenantFleet tenants) {
        this.tenants = tenants;
        this.properties = properties;
        this.target = target;
        this.runner = runner;
        this.rollbackValidator = rollbackValidator;
        this.auditLog = auditLog;
        this.entityModel = entityModel;
    }

    /**
     * Builds everything from the environment. Connects once, to detect the dialect unless
     * {@code covet.migrations.dialect} names it.
     *
     * @param environment the application's configuration (its {@code application.*} files, profiles applied)
     * @param classLoader the application's classes and dependencies: JDBC driver, migration files, entity classes
     * @param entityClassNames the JPA entities (and embeddables, converters) {@code makemigrations} reads
     * @return the pieces
     * @throws IllegalStateException when there is no database to migrate, or its dialect cannot be detected
     */
    public static StandaloneCovetMigrations of(Environment environment, ClassLoader classLoader,
            Collection<String> entityClassNames) {
        Binder binder = Binder.get(environment);
        CovetMigrationsProperties properties = binder.bind("covet.migrations", CovetMigrationsProperties.class)
                .orElseGet(CovetMigrationsProperties::new);
        CovetMigrationsTarget target = CovetMigrationsAutoConfiguration.target(properties, null,
                applicationDataSource(binder, classLoader), null);
        MigrationRunner.Builder builder = CovetMigrationsAutoConfiguration.runnerBuilder(properties, target, classLoader);
        MigrationAuditLog auditLog = null;
        if (properties.getAudit().isEnabled()) {
            auditLog = CovetMigrationsAutoConfiguration.auditLog(target, properties);
            builder.listener(CovetMigrationsAutoConfiguration.auditingListener(auditLog, properties, environment));
        }
        MigrationRunner runner = builder.build();
        List<String> entities = List.copyOf(entityClassNames);
        EntityModelSource model = ClassUtils.isPresent(HIBERNATE, classLoader)
                ? new JpaEntityModelSource(() -> entities, target.dialect(), environment, classLoader) : null;
        CovetMigrationsProperties.Tenants configured = properties.getTenants();
        TenantFleet tenants = configured.isEnabled() ? new TenantFleet(runner,
                PropertiesTenantSource.of(configured, target.dataSource()), configured.getParallelism(),
                auditLog == null ? TenantListeners.none() : CovetMigrationsAutoConfiguration.tenantListeners(properties, environment))
                : null;
        return new StandaloneCovetMigrations(properties, target, runner,
                CovetMigrationsAutoConfiguration.rollbackValidator(runner, properties), auditLog, model, tenants);
    }

    /** {@code spring.datasource.*} as Boot reads it (URL, user, password, driver), unpooled; null without a URL. */
    private static DataSource applicationDataSource(Binder binder, ClassLoader classLoader) {
        DataSourceProperties dataSource = binder.bind("spring.datasource", DataSourceProperties.class).orElse(null);
        if (dataSource == null || !StringUtils.hasText(dataSource.getUrl())) {
            return null;
        }
        dataSource.setBeanClassLoader(classLoader);
        try {
            dataSource.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read spring.datasource: " + e.getMessage(), e);
        }
        return dataSource.initializeDataSourceBuilder().type(SimpleDriverDataSource.class).build();
    }

    /** The tenants of {@code covet.migrations.tenants.*}, or {@code null} when they are not enabled. */
    public TenantFleet tenants() {
        return tenants;
    }

    /** The bound {@code covet.migrations.*} properties. */
    public CovetMigrationsProperties properties() {
        return properties;
    }

    /** The migration DataSource and its dialect. */
    public CovetMigrationsTarget target() {
        return target;
    }

    /** The runner. */
    public MigrationRunner runner() {
        return runner;
    }

    /** The rollback validator over {@link #runner()}. */
    public RollbackValidator rollbackValidator() {
        return rollbackValidator;
    }

    /** The audit log, or {@code null} when {@code covet.migrations.audit.enabled=false}. */
    public MigrationAuditLog auditLog() {
        return auditLog;
    }

    /** The entity model for {@code makemigrations}, or {@code null} when Hibernate is not on the class path. */
    public EntityModelSource entityModel() {
        return entityModel;
    }
}
