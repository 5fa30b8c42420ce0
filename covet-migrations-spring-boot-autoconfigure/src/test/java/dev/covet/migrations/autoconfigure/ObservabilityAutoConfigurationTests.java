package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.autoconfigure.cli.CovetCommandAutoConfiguration;
import dev.covet.migrations.autoconfigure.cli.CovetCommandRunner;
import dev.covet.migrations.autoconfigure.cli.CovetExit;
import dev.covet.migrations.autoconfigure.endpoint.CovetMigrationsEndpointAutoConfiguration;
import dev.covet.migrations.autoconfigure.health.CovetMigrationsHealthAutoConfiguration;
import dev.covet.migrations.autoconfigure.health.CovetMigrationsHealthIndicator;
import dev.covet.migrations.autoconfigure.hibernate.CovetHibernateAutoConfiguration;
import dev.covet.migrations.autoconfigure.hibernate.SqliteDialectSelector;
import dev.covet.migrations.autoconfigure.metrics.CovetMigrationsMetricsAutoConfiguration;
import dev.covet.migrations.autoconfigure.metrics.MigrationMetricsListener;
import dev.covet.migrations.autoconfigure.metrics.MigrationStatusMeterBinder;
import dev.covet.migrations.endpoint.CovetMigrationsEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics, health, endpoint, Hibernate and command beans appear when their classes (and, for the endpoint,
 * exposure) are there, and back off for the user's own.
 */
class ObservabilityAutoConfigurationTests {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        CovetMigrationsAutoConfiguration.class, CovetMigrationsMetricsAutoConfiguration.class,
                        CovetMigrationsHealthAutoConfiguration.class, CovetMigrationsEndpointAutoConfiguration.class,
                        CovetHibernateAutoConfiguration.class, CovetCommandAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + dir.resolve("app.db"),
                        "covet.migrations.run-on-startup=false");
    }

    @Test
    void metricsWithMeterRegistry() {
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(MigrationMetricsListener.class);
            assertThat(context).hasSingleBean(MigrationStatusMeterBinder.class);
            assertThat(context.getBean(MigrationRunner.class).config().listeners())
                    .contains(context.getBean(MigrationMetricsListener.class));
        });
    }

    @Test
    void theCachedStatusIsForgottenWhenAMigrationRuns() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_notes.yaml"), """
                operations:
                  - type: CREATE_TABLE
                    table: notes
                    columns:
                      - {name: id, type: BIGINT, nullable: false, primary_key: true}
                """);
        runner().withPropertyValues("covet.migrations.locations=filesystem:" + migrations).run(context -> {
            MigrationStatusCache cache = context.getBean(MigrationStatusCache.class);
            assertThat(cache.get().pending()).hasSize(1);
            context.getBean(MigrationRunner.class).migrate();
            // Within the cache's ten seconds: without the invalidation this would still say pending.
            assertThat(cache.get().pending()).isEmpty();
            context.getBean(MigrationRunner.class).rollback(1);
            assertThat(cache.get().pending()).hasSize(1);
        });
    }

    @Test
    void noMetricsListenerWithoutRegistry() {
        runner().run(context -> assertThat(context).doesNotHaveBean(MigrationMetricsListener.class));
    }

    @Test
    void healthIndicatorNamedMigrations() {
        runner().run(context -> {
            assertThat(context).hasSingleBean(CovetMigrationsHealthIndicator.class);
            assertThat(context).hasBean("migrationsHealthIndicator");
        });
        runner().withPropertyValues("management.health.migrations.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CovetMigrationsHealthIndicator.class));
    }

    @Test
    void endpointWhenExposed() {
        runner().run(context -> assertThat(context).doesNotHaveBean(CovetMigrationsEndpoint.class));
        runner().withPropertyValues("management.endpoints.web.exposure.include=migrations")
                .run(context -> assertThat(context).hasSingleBean(CovetMigrationsEndpoint.class));
    }

    @Test
    void nothingWhenDisabled() {
        runner().withPropertyValues("covet.migrations.enabled=false", "management.endpoints.web.exposure.include=migrations")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(CovetMigrationsEndpoint.class);
                    assertThat(context).doesNotHaveBean(MigrationMetricsListener.class);
                    assertThat(context).doesNotHaveBean(CovetMigrationsHealthIndicator.class);
                    assertThat(context).doesNotHaveBean(CovetCommandRunner.class);
                });
    }

    @Test
    void sqliteDialectSelectorForJpa() {
        runner().run(context -> assertThat(context).hasSingleBean(SqliteDialectSelector.class));
    }

    @Test
    void commandRunnerExitsThroughReplaceableExit() {
        AtomicInteger code = new AtomicInteger(-1);
        runner().withBean(CovetExit.class, () -> code::set).run(context -> {
            CovetCommandRunner commands = context.getBean(CovetCommandRunner.class);
            commands.run(new String[] {"server"});
            assertThat(code).hasValue(-1);
            commands.run(new String[] {"covet", "squash", "--preserve-recent", "x"});
            assertThat(code).hasValue(2);
            commands.run(new String[] {"covet", "squash", "--preserve-recent", "3"});
            assertThat(code).hasValue(1);
            commands.run(new String[] {"covet", "nonsense"});
            assertThat(code).hasValue(2);
        });
    }
}
