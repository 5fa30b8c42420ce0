package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.autoconfigure.tenant.CovetTenantsAutoConfiguration;
import dev.covet.migrations.autoconfigure.tenant.CovetTenantsInitializer;
import dev.covet.migrations.tenant.Tenant;
import dev.covet.migrations.tenant.TenantFleet;
import dev.covet.migrations.tenant.TenantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which tenant source and fleet the starter provides; the runs themselves are in {@code TenantFleetAppTests}. */
class CovetTenantsAutoConfigurationTests {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        CovetMigrationsAutoConfiguration.class, CovetTenantsAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + dir.resolve("app.db"),
                        "covet.migrations.run-on-startup=false");
    }

    @Test
    void withoutTenantsThereIsNoFleet() {
        runner().withPropertyValues("covet.migrations.tenants.migrate-on-startup=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(TenantSource.class);
            assertThat(context).doesNotHaveBean(TenantFleet.class);
            assertThat(context).doesNotHaveBean(CovetTenantsInitializer.class);
        });
    }

    @Test
    void urlsMakeTheSourceAndParallelismTheFleet() {
        runner().withPropertyValues("covet.migrations.tenants.enabled=true", "covet.migrations.tenants.parallelism=7",
                "covet.migrations.tenants.urls=jdbc:sqlite:" + dir.resolve("eu.db") + ",jdbc:sqlite:" + dir.resolve("us.db")).run(context -> {
            assertThat(context.getBean(TenantFleet.class).parallelism()).isEqualTo(7);
            assertThat(context.getBean(TenantSource.class).tenants()).extracting(Tenant::name).containsExactly("eu", "us");
        });
    }

    @Test
    void theApplicationsTenantSourceWinsAndEnablesTheFleet() {
        TenantSource own = TenantSource.of(List.of(Tenant.ofUrl("mine", "jdbc:sqlite:" + dir.resolve("mine.db"), null, null)));
        runner().withBean(TenantSource.class, () -> own)
                .withPropertyValues("covet.migrations.tenants.enabled=true", "covet.migrations.tenants.urls=jdbc:sqlite:x.db")
                .run(context -> {
                    assertThat(context.getBean(TenantSource.class)).isSameAs(own);
                    assertThat(context.getBean(TenantFleet.class).source()).isSameAs(own);
                    assertThat(context.getBean(TenantFleet.class).parallelism()).isEqualTo(TenantFleet.DEFAULT_PARALLELISM);
                });
    }

    @Test
    void enabledNeedsExactlyOneFormNamingTheProperties() {
        runner().withPropertyValues("covet.migrations.tenants.enabled=true").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("covet.migrations.tenants.schema-pattern").hasMessageContaining("none is set"));
        runner().withPropertyValues("covet.migrations.tenants.enabled=true", "covet.migrations.tenants.schema-pattern=t_*",
                "covet.migrations.tenants.database-pattern=t_*").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("set are covet.migrations.tenants.schema-pattern and covet.migrations.tenants.database-pattern"));
    }
}
