package dev.covet.migrations.autoconfigure.cli;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class CovetCommandEnvironmentPostProcessorTests {

    private static StandardEnvironment environment(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        new CovetCommandEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void commandRunsWithoutServerBannerOrSchemaValidation() {
        StandardEnvironment env = environment("covet", "status");
        assertThat(env.getProperty("spring.main.web-application-type")).isEqualTo("none");
        assertThat(env.getProperty("spring.main.banner-mode")).isEqualTo("off");
        assertThat(env.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("none");
        assertThat(env.getProperty("logging.threshold.console")).isNull();
    }

    @Test
    void jsonSilencesConsoleLogging() {
        assertThat(environment("covet", "status", "--json").getProperty("logging.threshold.console")).isEqualTo("OFF");
    }

    @Test
    void normalStartIsUntouched() {
        StandardEnvironment env = environment("--server.port=8080");
        assertThat(env.getPropertySources().contains(CovetCommandEnvironmentPostProcessor.PROPERTY_SOURCE)).isFalse();
    }
}
