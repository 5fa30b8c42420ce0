package dev.covet.migrations.maven;

import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The application's configuration as Spring Boot reads it at startup, without starting it: Boot's config data
 * loading ({@code application.properties}, {@code .yml}, {@code .yaml} on the class path and in {@code ./config},
 * {@code application-{profile}.*} for the active profiles, {@code spring.config.import}) with its own property
 * source loaders, over system properties and environment variables, so {@code ${user.home}} and {@code ${DB_URL}}
 * resolve as they would in the application.
 *
 * <p>Profiles given here replace {@code spring.profiles.active} from the files, as {@code --spring.profiles.active}
 * does on the application's command line. Overrides (the plugin's {@code url}, {@code user}, {@code password}) win
 * over everything. Boot's {@code file:./} and {@code file:./config/} locations, and a relative SQLite file, are the
 * project's directory, where {@code spring-boot:run} runs the application, not wherever Maven was started (the root of
 * a multi-module build).
 */
final class ProjectConfiguration {

    static final String PROPERTY_SOURCE = "covetMavenPlugin";

    private static final String CONFIG_LOCATION = "spring.config.location";

    private static final List<String> URL_PROPERTIES = List.of("covet.migrations.url", "spring.datasource.url");

    private ProjectConfiguration() {
    }

    /**
     * Reads the configuration.
     *
     * @param classLoader the project's classes and dependencies (its {@code application.*} are resources there)
     * @param profiles the profiles to activate, or empty for the files' {@code spring.profiles.active}
     * @param overrides properties that win over the files
     * @param classesDirectory the project's compiled classes (its own {@code application*.yml} are checked first,
     *        see {@link YamlFiles})
     * @param baseDirectory the project's directory
     * @return the environment
     * @throws IllegalStateException when a file cannot be read (the message names it)
     */
    static ConfigurableEnvironment load(ClassLoader classLoader, Collection<String> profiles, Map<String, String> overrides,
            Path classesDirectory, Path baseDirectory) {
        YamlFiles.check(List.of(classesDirectory, classesDirectory.resolve("config"), baseDirectory,
                baseDirectory.resolve("config")));
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> first = new LinkedHashMap<>(overrides);
        List<String> active = profiles == null ? List.of() : profiles.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        if (!active.isEmpty()) {
            first.put("spring.profiles.active", String.join(",", active));
        }
        MapPropertySource plugin = new MapPropertySource(PROPERTY_SOURCE, first);
        environment.getPropertySources().addFirst(plugin);
        if (!environment.containsProperty(CONFIG_LOCATION)) {
            first.put(CONFIG_LOCATION, defaultLocations(baseDirectory));
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(classLoader);
        try {
            ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(classLoader),
                    new DefaultBootstrapContext(), List.of());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the application's configuration: " + Messages.of(e), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        for (String property : URL_PROPERTIES) {
            String url = environment.getProperty(property);
            String resolved = url == null ? null : sqliteAgainst(url, baseDirectory);
            if (resolved != null && !resolved.equals(url)) {
                first.put(property, resolved);
            }
        }
        return environment;
    }

    /**
     * Boot's default config locations (two groups: the class path's, then the files'), with the file ones in the
     * project's directory instead of the working one.
     */
    static String defaultLocations(Path baseDirectory) {
        String base = baseDirectory.toAbsolutePath().normalize().toString().replace('\\', '/');
        return "optional:classpath:/;optional:classpath:/config/,optional:file:" + base + "/;optional:file:" + base
                + "/config/;optional:file:" + base + "/config/*/";
    }

    /** A SQLite URL whose file is relative, made absolute against the directory; any other URL as it is. */
    static String sqliteAgainst(String url, Path directory) {
        String prefix = "jdbc:sqlite:";
        if (!url.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            return url;
        }
        String rest = url.substring(prefix.length());
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        if (path.isEmpty() || path.startsWith(":") || path.startsWith("file:") || Path.of(path).isAbsolute()) {
            return url;
        }
        return prefix + directory.resolve(path).normalize() + (query < 0 ? "" : rest.substring(query));
    }

    /**
     * Fails unless the configuration names a database: {@code covet.migrations.url} or {@code spring.datasource.url}.
     *
     * @throws IllegalStateException naming the files read and how to give a URL
     */
    static void requireDatabase(ConfigurableEnvironment environment, Path classesDirectory, Collection<String> profiles) {
        if (!environment.containsProperty("covet.migrations.url") && !environment.containsProperty("spring.datasource.url")) {
            throw new IllegalStateException("no database to migrate: neither spring.datasource.url nor covet.migrations.url"
                    + " is set in " + classesDirectory.resolve("application.{properties,yml,yaml}")
                    + (Files.isDirectory(classesDirectory) ? "" : " (not compiled yet)")
                    + (profiles == null || profiles.isEmpty() ? "" : " with profiles " + profiles)
                    + "; configure one, or give -Dcovet.url=jdbc:...");
        }
    }
}
