package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.MigrationConfig;
import dev.covet.migrations.JavaMigration;
import dev.covet.migrations.MigrationEvent;
import dev.covet.migrations.MigrationListener;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.data.Replica;
import dev.covet.migrations.dialect.PostgresDialect;
import dev.covet.migrations.dialect.SqliteDialect;
import dev.covet.migrations.safety.RollbackValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Conditions and back-off of {@link CovetMigrationsAutoConfiguration}. These never run a migration (startup
 * migration is off, skipped for a command, or replaced by a strategy), so they need no engine.
 */
class CovetMigrationsAutoConfigurationTests {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        CovetMigrationsAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + dir.resolve("app.db"),
                        "covet.migrations.run-on-startup=false");
    }

    @Test
    void backsOffWithoutDataSource() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CovetMigrationsAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(MigrationRunner.class));
    }

    @Test
    void disabledByProperty() {
        runner().withPropertyValues("covet.migrations.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(MigrationRunner.class);
            assertThat(context).doesNotHaveBean(CovetMigrationsInitializer.class);
            assertThat(context).doesNotHaveBean(RollbackValidator.class);
        });
    }

    @Test
    void configuresRunnerFromProperties() {
        runner().withPropertyValues("covet.migrations.table-prefix=shop_", "covet.migrations.lock-timeout=5s",
                "covet.migrations.validate-checksums=false", "covet.migrations.locations=classpath:a,filesystem:b",
                "covet.migrations.audit.executor=deployer", "covet.migrations.batch.max-replica-lag=2s").run(context -> {
            assertThat(context).hasSingleBean(MigrationRunner.class);
            assertThat(context).hasSingleBean(CovetMigrationsInitializer.class);
            assertThat(context).hasSingleBean(RollbackValidator.class);
            MigrationConfig config = context.getBean(MigrationRunner.class).config();
            assertThat(config.dialect()).isInstanceOf(SqliteDialect.class);
            assertThat(config.tablePrefix()).isEqualTo("shop_");
            assertThat(config.lockTimeout()).hasSeconds(5);
            assertThat(config.validateChecksums()).isFalse();
            assertThat(config.locations()).containsExactly("classpath:a", "filesystem:b");
            assertThat(config.appliedBy()).isEqualTo("deployer");
            assertThat(config.maxReplicaLag()).hasSeconds(2);
        });
    }

    @Test
    void batchReplicasLogInAsTheMigrationUserUnlessTheyHaveTheirOwn() {
        String[] replicas = {"spring.datasource.username=app", "spring.datasource.password=secret",
                "covet.migrations.batch.replicas=jdbc:mysql://replica-1:3306/shop, jdbc:mysql://replica-2:3306/shop"};
        runner().withPropertyValues(replicas).run(context -> assertThat(context.getBean(MigrationRunner.class).config().replicas())
                .containsExactly(new Replica("jdbc:mysql://replica-1:3306/shop", "app", "secret"),
                        new Replica("jdbc:mysql://replica-2:3306/shop", "app", "secret")));
        runner().withPropertyValues(replicas).withPropertyValues("covet.migrations.batch.replica-user=monitor",
                "covet.migrations.batch.replica-password=m0n").run(context -> assertThat(
                        context.getBean(MigrationRunner.class).config().replicas()).extracting(Replica::user, Replica::password)
                .containsOnly(tuple("monitor", "m0n")));
    }

    @Test
    void defaultsMatchTheDesign() {
        runner().run(context -> {
            MigrationConfig config = context.getBean(MigrationRunner.class).config();
            assertThat(config.locations()).containsExactly("classpath:db/migrations");
            assertThat(config.tablePrefix()).isEqualTo("covet_");
            assertThat(config.lockTimeout()).hasSeconds(60);
            assertThat(config.validateChecksums()).isTrue();
            assertThat(config.maxReplicaLag()).hasSeconds(5);
            assertThat(config.replicas()).isEmpty();
            CovetMigrationsProperties properties = context.getBean(CovetMigrationsProperties.class);
            assertThat(properties.getRenameDetection().getSimilarityThreshold()).isEqualTo(0.80);
            assertThat(properties.getRollback().getMaxDataLossRows()).isEqualTo(1000);
            assertThat(properties.getOutputDirectory()).isEqualTo("src/main/resources/db/migrations");
            assertThat(properties.getActuator().isWriteEnabled()).isFalse();
            assertThat(properties.isRunOnStartup()).isFalse();
        });
    }

    @Test
    void unmanagedTablesBindToTheRunner() {
        runner().withPropertyValues("covet.migrations.unmanaged-tables=batch_*, QRTZ_*,shedlock").run(context -> {
            MigrationConfig config = context.getBean(MigrationRunner.class).config();
            assertThat(config.unmanagedTables().patterns()).containsExactly("batch_*", "QRTZ_*", "shedlock");
            assertThat(config.unmanagedTables().matches("qrtz_triggers")).isTrue();
            assertThat(config.unmanagedTables().matches("customers")).isFalse();
        });
        runner().run(context -> assertThat(context.getBean(MigrationRunner.class).config().unmanagedTables().isEmpty())
                .isTrue());
    }

    @Test
    void anUnmanagedTablePatternWithAnotherWildcardFailsStartupNamingThePropertyAndTheEntry() {
        runner().withPropertyValues("covet.migrations.unmanaged-tables=batch_*,qrtz_?").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("covet.migrations.unmanaged-tables").hasMessageContaining("'qrtz_?'");
        });
    }

    @Test
    void configuredDialectWinsOverDetection() {
        runner().withPropertyValues("covet.migrations.dialect=postgresql").run(context ->
                assertThat(context.getBean(MigrationRunner.class).config().dialect()).isInstanceOf(PostgresDialect.class));
    }

    @Test
    void userDefinedRunnerWins() {
        runner().withUserConfiguration(UserRunner.class).run(context -> {
            assertThat(context).hasSingleBean(MigrationRunner.class);
            assertThat(context.getBean(MigrationRunner.class).config().tablePrefix()).isEqualTo("mine_");
        });
    }

    @Test
    void appliesCustomizersJavaMigrationsAndListeners() {
        runner().withUserConfiguration(Extensions.class).run(context -> {
            MigrationConfig config = context.getBean(MigrationRunner.class).config();
            assertThat(config.tablePrefix()).isEqualTo("customized_");
            assertThat(config.javaMigrations()).containsOnlyKeys("backfill");
            assertThat(config.listeners()).contains(context.getBean("recorder", MigrationListener.class));
        });
    }

    @Test
    void separateDataSourceFromUrl() {
        String url = "jdbc:sqlite:" + dir.resolve("migrations.db");
        runner().withPropertyValues("covet.migrations.url=" + url).run(context -> {
            DataSource migrations = context.getBean(MigrationRunner.class).config().dataSource();
            assertThat(migrations).isNotSameAs(context.getBean(DataSource.class));
            try (Connection c = migrations.getConnection()) {
                assertThat(c.getMetaData().getURL()).isEqualTo(url);
            }
        });
    }

    @Test
    void covetMigrationsUrlAloneActivatesItWithoutAnApplicationDataSource() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_notes.yaml"), """
                operations:
                  - {type: CREATE_TABLE, table: notes, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
                """);
        // In a directory that does not exist yet: created for this unpooled DataSource too.
        String url = "jdbc:sqlite:" + dir.resolve("not-yet/only-covet.db");
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CovetMigrationsAutoConfiguration.class))
                .withPropertyValues("covet.migrations.url=" + url, "covet.migrations.locations=filesystem:" + migrations)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(DataSource.class);
                    MigrationRunner runner = context.getBean(MigrationRunner.class);
                    assertThat(runner.status().applied()).extracting(i -> i.id().toString()).containsExactly("0001_notes");
                    try (Connection c = runner.config().dataSource().getConnection()) {
                        assertThat(c.getMetaData().getURL()).isEqualTo(url);
                        assertThat(c.getMetaData().getTables(null, null, "notes", null).next()).isTrue();
                    }
                });
    }

    @Test
    void qualifiedDataSourceWins() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CovetMigrationsAutoConfiguration.class))
                .withPropertyValues("covet.migrations.run-on-startup=false")
                .withBean("appDs", DataSource.class, () -> ds("app.db"), bd -> bd.setPrimary(true))
                .withUserConfiguration(QualifiedDataSource.class)
                .run(context -> {
                    DataSource used = context.getBean(MigrationRunner.class).config().dataSource();
                    assertThat(used).isSameAs(context.getBean("migrationsDs"));
                });
    }

    @Test
    void startupMigrationSkippedWhenStartedForACommand() {
        // With run-on-startup on, the context only starts if migrate is never called: the engine is not needed.
        runner().withPropertyValues("covet.migrations.run-on-startup=true")
                .withBean(ApplicationArguments.class, () -> new DefaultApplicationArguments("covet", "status"))
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void strategyReplacesDefaultStartupMigration() {
        AtomicReference<MigrationRunner> seen = new AtomicReference<>();
        runner().withPropertyValues("covet.migrations.run-on-startup=true")
                .withBean(CovetMigrationStrategy.class, () -> seen::set)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(seen.get()).isSameAs(context.getBean(MigrationRunner.class));
                });
    }

    @Test
    void slowMigrationLoggerOnlyWithThreshold() {
        runner().run(context -> assertThat(context).doesNotHaveBean(SlowMigrationLogger.class));
        runner().withPropertyValues("covet.migrations.slow-migration-threshold=2s").run(context -> {
            assertThat(context).hasSingleBean(SlowMigrationLogger.class);
            assertThat(context.getBean(MigrationRunner.class).config().listeners())
                    .contains(context.getBean(SlowMigrationLogger.class));
        });
    }

    @Test
    void detectorIsRegisteredInSpringFactories() {
        List<DatabaseInitializerDetector> detectors = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(DatabaseInitializerDetector.class);
        assertThat(detectors).hasAtLeastOneElementOfType(CovetMigrationsDatabaseInitializerDetector.class);
    }

    @Test
    void commandModeRecognisesTheCommandWord() {
        assertThat(CovetCommandMode.commandArguments(new String[] {"covet", "status", "--json"}))
                .containsExactly("status", "--json");
        assertThat(CovetCommandMode.commandArguments(new String[] {"--spring.profiles.active=x", "covet", "migrate"}))
                .containsExactly("migrate");
        assertThat(CovetCommandMode.commandArguments(new String[] {"server"})).isNull();
        assertThat(CovetCommandMode.commandArguments(new String[] {})).isNull();
    }

    private DataSource ds(String file) {
        return new DriverManagerDataSource("jdbc:sqlite:" + dir.resolve(file));
    }

    @Configuration(proxyBeanMethods = false)
    static class UserRunner {
        @Bean
        MigrationRunner myRunner(DataSource dataSource) {
            return MigrationRunner.builder(dataSource).tablePrefix("mine_").build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Extensions {
        @Bean
        CovetMigrationsCustomizer prefix() {
            return builder -> builder.tablePrefix("customized_");
        }

        @Bean
        JavaMigration backfill() {
            return new JavaMigration() {
                @Override
                public String name() {
                    return "backfill";
                }

                @Override
                public void migrate(Connection connection) {
                }
            };
        }

        @Bean
        MigrationListener recorder() {
            List<MigrationEvent> events = new ArrayList<>();
            return new MigrationListener() {
                @Override
                public void onSuccess(MigrationEvent event) {
                    events.add(event);
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class QualifiedDataSource {
        @Bean
        @CovetMigrationsDataSource
        DataSource migrationsDs(@Value("${java.io.tmpdir}") String tmp) {
            return new DriverManagerDataSource("jdbc:sqlite:" + Path.of(tmp, "covet-qualified-" + System.nanoTime() + ".db"));
        }
    }
}
