package dev.covet.migrations.maven;

import dev.covet.migrations.autoconfigure.CovetMigrationsProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a project's application.* as its Spring Boot would, from its compiled classes. */
class ProjectConfigurationTests {

    @TempDir
    Path project;

    private Path classes() throws IOException {
        return Files.createDirectories(project.resolve("target/classes"));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(classes().resolve(name), content);
    }

    private ConfigurableEnvironment load(List<String> profiles, Map<String, String> overrides) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes().toUri().toURL()}, getClass().getClassLoader())) {
            return ProjectConfiguration.load(loader, profiles, overrides, classes(), project);
        }
    }

    @Test
    void readsApplicationYmlAndBindsCovetProperties() throws IOException {
        write("application.yml", """
                spring:
                  datasource:
                    url: jdbc:postgresql://db/shop
                    username: app
                covet:
                  migrations:
                    table-prefix: shop
                    lock-timeout: 45s
                    locations: [classpath:db/shop, filesystem:extra]
                """);
        ConfigurableEnvironment environment = load(List.of(), Map.of());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db/shop");
        CovetMigrationsProperties properties = Binder.get(environment)
                .bind("covet.migrations", CovetMigrationsProperties.class).get();
        assertThat(properties.getTablePrefix()).isEqualTo("shop");
        assertThat(properties.getLockTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(properties.getLocations()).containsExactly("classpath:db/shop", "filesystem:extra");
    }

    @Test
    void readsApplicationProperties() throws IOException {
        write("application.properties", "spring.datasource.url=jdbc:mysql://db/shop\ncovet.migrations.audit.enabled=false\n");

        ConfigurableEnvironment environment = load(List.of(), Map.of());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:mysql://db/shop");
        assertThat(environment.getProperty("covet.migrations.audit.enabled")).isEqualTo("false");
    }

    @Test
    void theFilesActiveProfileAppliesAndGivenProfilesReplaceIt() throws IOException {
        write("application.yml", """
                spring:
                  profiles:
                    active: dev
                  datasource:
                    url: jdbc:postgresql://default/shop
                """);
        write("application-dev.yml", "spring.datasource.url: jdbc:postgresql://dev/shop\n");
        write("application-prod.properties", "spring.datasource.url=jdbc:postgresql://prod/shop\n");

        assertThat(load(List.of(), Map.of()).getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://dev/shop");
        ConfigurableEnvironment prod = load(List.of("prod"), Map.of());
        assertThat(prod.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://prod/shop");
        assertThat(prod.getActiveProfiles()).containsExactly("prod");
    }

    @Test
    void aProfileDocumentInsideTheYamlFileApplies() throws IOException {
        write("application.yml", """
                spring.datasource.url: jdbc:postgresql://default/shop
                ---
                spring:
                  config:
                    activate:
                      on-profile: ci
                  datasource:
                    url: jdbc:postgresql://ci/shop
                """);

        assertThat(load(List.of("ci"), Map.of()).getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://ci/shop");
        assertThat(load(List.of(), Map.of()).getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://default/shop");
    }

    @Test
    void placeholdersResolveFromSystemPropertiesAndDefaults() throws IOException {
        write("application.yml", """
                spring.datasource.url: jdbc:sqlite:${user.home}/shop.db
                covet.migrations.user: ${COVET_PLUGIN_TEST_SURELY_UNSET_VARIABLE:fallback}
                """);

        ConfigurableEnvironment environment = load(List.of(), Map.of());

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:sqlite:" + System.getProperty("user.home") + "/shop.db");
        assertThat(environment.getProperty("covet.migrations.user")).isEqualTo("fallback");
    }

    @Test
    void overridesWinOverTheFiles() throws IOException {
        write("application.yml", "covet.migrations.url: jdbc:postgresql://file/shop\n");

        ConfigurableEnvironment environment = load(List.of(), Map.of("covet.migrations.url", "jdbc:postgresql://cli/shop"));

        assertThat(environment.getProperty("covet.migrations.url")).isEqualTo("jdbc:postgresql://cli/shop");
    }

    @Test
    void aRelativeSqliteFileIsTheProjectsNotTheWorkingDirectorys() throws IOException {
        write("application.yml", "spring.datasource.url: jdbc:sqlite:target/db/shop.db?busy_timeout=5000\n");

        ConfigurableEnvironment environment = load(List.of(), Map.of());

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:sqlite:" + project.resolve("target/db/shop.db") + "?busy_timeout=5000");
        assertThat(ProjectConfiguration.sqliteAgainst("jdbc:sqlite::memory:", project)).isEqualTo("jdbc:sqlite::memory:");
        assertThat(ProjectConfiguration.sqliteAgainst("jdbc:sqlite:/abs/shop.db", project)).isEqualTo("jdbc:sqlite:/abs/shop.db");
        assertThat(ProjectConfiguration.sqliteAgainst("jdbc:postgresql://db/x", project)).isEqualTo("jdbc:postgresql://db/x");
    }

    @Test
    void filesInTheProjectsConfigDirectoryWinOverThePackagedOnes() throws IOException {
        write("application.yml", "spring.datasource.url: jdbc:postgresql://packaged/shop\ncovet.migrations.table-prefix: shop\n");
        Files.createDirectories(project.resolve("config"));
        Files.writeString(project.resolve("config/application.properties"), "spring.datasource.url=jdbc:postgresql://local/shop\n");

        ConfigurableEnvironment environment = load(List.of(), Map.of());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://local/shop");
        assertThat(environment.getProperty("covet.migrations.table-prefix")).isEqualTo("shop");
    }

    @Test
    void malformedYamlIsAnErrorNamingTheFile() throws IOException {
        write("application.yml", "spring:\n  datasource:\n    url: [unclosed\n");

        assertThatThrownBy(() -> load(List.of(), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(classes().resolve("application.yml").toString())
                .hasMessageContaining("line 3");
    }

    @Test
    void aProfilesYamlFileIsCheckedToo() throws IOException {
        write("application.yml", "spring.profiles.active: dev\n");
        Files.createDirectories(classes().resolve("config"));
        write("config/application-dev.yaml", "spring: [\n");

        assertThatThrownBy(() -> load(List.of(), Map.of()))
                .hasMessageContaining(classes().resolve("config/application-dev.yaml").toString());
    }

    @Test
    void aliasesThatStaySmallAreFine() throws IOException {
        write("application.yml", """
                base: &base {pool: 5, timeout: 30s}
                spring.datasource.url: jdbc:postgresql://db/shop
                one: *base
                two: *base
                """);

        assertThat(load(List.of(), Map.of()).getProperty("two.pool")).isEqualTo("5");
    }

    @Test
    @Timeout(20)
    void aHostileYamlFileIsRefusedNotExpanded() throws IOException {
        // "Billion laughs": nine levels of aliases, each nine times the one before.
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        write("application.yml", yaml.toString());

        assertThatThrownBy(() -> load(List.of(), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(classes().resolve("application.yml").toString())
                .hasMessageContaining("billion laughs");
    }

    @Test
    void aRecursiveAliasIsRefused() throws IOException {
        write("application.yml", "a: &a [x, *a]\n");

        assertThatThrownBy(() -> load(List.of(), Map.of()))
                .hasMessageContaining(classes().resolve("application.yml").toString());
    }

    @Test
    void noDatabaseIsAnErrorNamingTheFilesRead() throws IOException {
        write("application.yml", "covet.migrations.table-prefix: shop\n");
        ConfigurableEnvironment environment = load(List.of("dev"), Map.of());

        assertThatThrownBy(() -> ProjectConfiguration.requireDatabase(environment, classes(), List.of("dev")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no database to migrate")
                .hasMessageContaining(classes().resolve("application.{properties,yml,yaml}").toString())
                .hasMessageContaining("with profiles [dev]")
                .hasMessageContaining("-Dcovet.url=");
    }

    @Test
    void noApplicationFileAtAllReadsAsNoDatabase() throws IOException {
        ConfigurableEnvironment environment = load(List.of(), Map.of());

        assertThatThrownBy(() -> ProjectConfiguration.requireDatabase(environment, project.resolve("missing/classes"), List.of()))
                .hasMessageContaining("(not compiled yet)");
    }
}
