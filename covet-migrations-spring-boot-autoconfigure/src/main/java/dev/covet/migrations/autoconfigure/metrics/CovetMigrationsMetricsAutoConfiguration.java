package dev.covet.migrations.autoconfigure.metrics;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.autoconfigure.CovetMigrationsAutoConfiguration;
import dev.covet.migrations.autoconfigure.MigrationStatusCache;
import dev.covet.migrations.autoconfigure.StatusCacheInvalidation;
import org.springframework.beans.factory.ObjectProvider;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * Micrometer metrics for Covet Migrations, when Micrometer is on the classpath.
 */
@AutoConfiguration(after = CovetMigrationsAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, MigrationRunner.class})
@ConditionalOnBean(MigrationRunner.class)
public final class CovetMigrationsMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MeterRegistry.class)
    MigrationMetricsListener covetMigrationMetricsListener(MeterRegistry registry) {
        return new MigrationMetricsListener(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    MigrationStatusCache covetMigrationStatusCache(MigrationRunner runner) {
        return new MigrationStatusCache(runner, Duration.ofSeconds(10));
    }

    @Bean
    @ConditionalOnMissingBean
    StatusCacheInvalidation covetStatusCacheInvalidation(ObjectProvider<MigrationStatusCache> cache) {
        return new StatusCacheInvalidation(cache);
    }

    @Bean
    @ConditionalOnMissingBean
    MigrationStatusMeterBinder covetMigrationStatusMeterBinder(MigrationStatusCache status) {
        return new MigrationStatusMeterBinder(status);
    }
}
