package dev.covet.migrations.autoconfigure.health;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.autoconfigure.CovetMigrationsAutoConfiguration;
import dev.covet.migrations.autoconfigure.MigrationStatusCache;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * The {@code migrations} health indicator, when Spring Boot's health support is present
 * ({@code management.health.migrations.enabled} turns it off).
 */
@AutoConfiguration(after = CovetMigrationsAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, MigrationRunner.class})
@ConditionalOnBean(MigrationRunner.class)
@ConditionalOnEnabledHealthIndicator("migrations")
public final class CovetMigrationsHealthAutoConfiguration {

    // Named so the contributor is "migrations": Boot strips the "HealthIndicator" suffix from the bean name.
    @Bean(name = "migrationsHealthIndicator")
    @ConditionalOnMissingBean(name = "migrationsHealthIndicator")
    CovetMigrationsHealthIndicator migrationsHealthIndicator(ObjectProvider<MigrationStatusCache> cache,
            MigrationRunner runner) {
        // Health is checked rarely: a short-lived cache when metrics did not provide one.
        return new CovetMigrationsHealthIndicator(cache.getIfAvailable(() -> new MigrationStatusCache(runner, Duration.ofSeconds(2))));
    }
}
