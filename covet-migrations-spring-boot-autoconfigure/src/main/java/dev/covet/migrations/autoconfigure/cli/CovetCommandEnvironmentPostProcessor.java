package dev.covet.migrations.autoconfigure.cli;

import dev.covet.migrations.autoconfigure.CovetCommandMode;
import dev.covet.migrations.cli.CommandSpec;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When the application is started for a {@code covet} command, starts it as a command rather than a server:
 * <ul>
 * <li>no web server (a command must not clash with the running application's port);</li>
 * <li>lazy initialization: only the beans the command needs are made (the migration runner and its data source),
 * not the application's services, schedulers or listeners; and no JPA entity manager factory
 * ({@link LazyEntityManagerFactories});</li>
 * <li>no banner, and with {@code --json} no console logging, so standard output holds only the JSON document;</li>
 * <li>{@code spring.jpa.hibernate.ddl-auto=none}: the schema may be behind the entities (that is what
 * {@code status} and {@code migrate} are for), and validating it would stop the command from starting.</li>
 * </ul>
 */
public class CovetCommandEnvironmentPostProcessor implements EnvironmentPostProcessor {

    /** Name of the property source this adds. */
    public static final String PROPERTY_SOURCE = "covetCommand";

    private static final String ENTITY_MANAGER_FACTORY = "jakarta.persistence.EntityManagerFactory";

    private final String[] args;

    /** Creates the post-processor; the program arguments come from the application. */
    public CovetCommandEnvironmentPostProcessor() {
        this(null);
    }

    CovetCommandEnvironmentPostProcessor(String[] args) {
        this.args = args;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String[] sourceArgs = args != null ? args : commandLine(environment);
        List<String> command = sourceArgs == null ? null : CovetCommandMode.commandArguments(sourceArgs);
        if (command == null) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.main.web-application-type", "none");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.lazy-initialization", "true");
        // Spring Data marks repositories eager in its default bootstrap mode, whatever lazy initialization says.
        properties.put("spring.data.jpa.repositories.bootstrap-mode", "lazy");
        properties.put("spring.jpa.hibernate.ddl-auto", "none");
        properties.put("spring.sql.init.mode", "never");
        if (command.contains("--" + CommandSpec.JSON)) {
            properties.put("logging.threshold.console", "OFF");
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        if (application != null && ClassUtils.isPresent(ENTITY_MANAGER_FACTORY, application.getClassLoader())) {
            application.addInitializers(context -> context.addBeanFactoryPostProcessor(new LazyEntityManagerFactories()));
        }
    }

    // The environment keeps non-option arguments in "nonOptionArgs" of the command-line property source; options
    // ("--json") appear as properties. Rebuild enough of the command line to recognise command mode.
    private static String[] commandLine(ConfigurableEnvironment environment) {
        String nonOptionArgs = environment.getProperty("nonOptionArgs");
        if (nonOptionArgs == null || nonOptionArgs.isBlank()) {
            return null;
        }
        String[] words = nonOptionArgs.split(",");
        if (environment.containsProperty(CommandSpec.JSON)) {
            String[] withJson = Arrays.copyOf(words, words.length + 1);
            withJson[words.length] = "--" + CommandSpec.JSON;
            return withJson;
        }
        return words;
    }
}
