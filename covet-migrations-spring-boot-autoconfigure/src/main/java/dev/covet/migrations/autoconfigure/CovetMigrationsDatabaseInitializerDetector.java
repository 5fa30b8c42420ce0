package dev.covet.migrations.autoconfigure;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

import java.util.Set;

/**
 * Tells Spring Boot that {@link CovetMigrationsInitializer} beans initialize the database, so beans that
 * depend on database initialization (JPA's EntityManagerFactory, JdbcTemplate, ...) are created after them.
 * Registered in {@code META-INF/spring.factories}.
 */
public class CovetMigrationsDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(CovetMigrationsInitializer.class);
    }

    // Run right after the schema-migration tools Boot knows (Flyway 1, Liquibase 1) would; script-based
    // initializers (order 0 by default) then see our tables.
    @Override
    public int getOrder() {
        return 1;
    }
}
