package dev.covet.migrations.maven;

import dev.covet.migrations.autoconfigure.EntityModelSource;
import dev.covet.migrations.autoconfigure.StandaloneCovetMigrations;
import dev.covet.migrations.autoconfigure.cli.PropertiesCommandSettings;
import dev.covet.migrations.cli.CommandOutput;
import dev.covet.migrations.cli.CommandSettings;
import dev.covet.migrations.cli.CovetCommandDispatcher;
import dev.covet.migrations.cli.CovetCommands;
import dev.covet.migrations.cli.ExitCodes;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.springframework.core.env.ConfigurableEnvironment;

import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every goal does: reads the project's {@code application.*} (profiles applied, see {@link ProjectConfiguration})
 * from its compiled classes, builds Covet as the application would ({@link StandaloneCovetMigrations}) over a class
 * loader of the project's classes and runtime dependencies (its JDBC driver, migration files and entities), and runs
 * the {@code covet} command with the goal's parameters as its options. The application is not started. Output goes to
 * Maven's log ({@code json}: the document on standard output); a command that fails fails the build with its message.
 */
public abstract class AbstractCovetMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** Spring profiles to activate (comma-separated), in place of {@code spring.profiles.active} from the files. */
    @Parameter(property = "covet.profiles")
    protected List<String> profiles;

    /** JDBC URL of the database to migrate: overrides {@code covet.migrations.url} and {@code spring.datasource.url}. */
    @Parameter(property = "covet.url")
    protected String url;

    /** Database user, with {@code url} (or for the configured URL). */
    @Parameter(property = "covet.user")
    protected String user;

    /** Database password, with {@code user}. Prefer {@code ${env.VAR}} in the pom or a placeholder in the file. */
    @Parameter(property = "covet.password")
    protected String password;

    /**
     * Properties that win over the application's files, e.g. {@code <covet.migrations.locations>}: for settings a
     * build needs and the application must not have. {@code url}, {@code user} and {@code password} win over these.
     */
    @Parameter
    protected Map<String, String> properties;

    /** Print the command's JSON document on standard output instead of text in the log (for scripts). */
    @Parameter(property = "covet.json", defaultValue = "false")
    protected boolean json;

    /** Skip the goal. */
    @Parameter(property = "covet.skip", defaultValue = "false")
    protected boolean skip;

    /** The command's name. */
    protected abstract String command();

    /** The command's options from the goal's parameters; none by default. */
    protected List<String> arguments() {
        return List.of();
    }

    /** Whether the command reads the entity model (only {@code makemigrations}). */
    protected boolean readsEntities() {
        return false;
    }

    /** Packages scanned for entities (see {@link EntityClasses}); only {@code makemigrations} has them. */
    protected List<String> entityPackages() {
        return List.of();
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("covet:" + command() + " skipped (covet.skip)");
            return;
        }
        List<String> args = new ArrayList<>();
        args.add(command());
        args.addAll(arguments());
        if (json) {
            args.add("--json");
        }
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        if (!Files.isDirectory(classes)) {
            throw new MojoExecutionException("no compiled classes in " + classes + ": run the goal after compile, e.g. "
                    + "mvn compile covet:" + command());
        }
        Path baseDirectory = project.getBasedir().toPath();
        List<String> failures = new ArrayList<>();
        int exit;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        String[] summary = {null}; // the result's first line: what a failing command says it found
        try (URLClassLoader loader = projectClassLoader(); ProjectDrivers drivers = ProjectDrivers.register(loader);
             QuietHibernate quiet = QuietHibernate.during()) {
            thread.setContextClassLoader(loader);
            ConfigurableEnvironment environment = ProjectConfiguration.load(loader, profiles, overrides(), classes, baseDirectory);
            ProjectConfiguration.requireDatabase(environment, classes, profiles);
            List<String> entities = readsEntities() ? EntityClasses.find(classes, entityPackages(), loader) : List.of();
            StandaloneCovetMigrations covet = StandaloneCovetMigrations.of(environment, loader, entities);
            CommandSettings settings = PropertiesCommandSettings.of(covet.properties());
            settings = settings.withOutputDirectory(baseDirectory.resolve(settings.outputDirectory()));
            EntityModelSource model = covet.entityModel();
            if (readsEntities() && entities.isEmpty()) {
                getLog().warn("no JPA entities in " + (entityPackages().isEmpty() ? "the packages Boot would scan (those of "
                        + "@EntityScan, else of the @SpringBootApplication class, else of every compiled class)"
                        : "packages " + entityPackages()) + "; set entityPackages (-Dcovet.entityPackages=...) if they are elsewhere");
            } else if (readsEntities()) {
                getLog().debug("entity classes: " + entities);
            }
            try (PrintStream out = json ? null : LineStream.to(line -> {
                     getLog().info(line);
                     summary[0] = summary[0] == null && !line.isBlank() ? line : summary[0];
                 });
                 PrintStream err = LineStream.to(line -> diagnostic(line, failures))) {
                CommandOutput output = new CommandOutput(json ? System.out : out, err);
                exit = new CovetCommandDispatcher(CovetCommands.all(covet.runner(), covet.rollbackValidator(),
                        covet.auditLog(), settings, model == null ? null : model::read, covet.tenants()), output).run(args);
            }
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("covet:" + command() + ": " + Messages.of(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (exit != ExitCodes.SUCCESS) {
            String message = !failures.isEmpty() ? String.join("\n", failures)
                    : summary[0] != null ? summary[0].strip() : "see the output above";
            throw new MojoFailureException("covet " + command() + " failed (exit " + exit + "): " + message + failureHint(message));
        }
    }

    /** Added to a failure's message: how the flags it names are given to this goal. */
    protected String failureHint(String message) {
        return "";
    }

    /**
     * Lines on the commands' standard error: a failure ("covet: ...", and every line after it: a failure's details,
     * the usage after a usage error) is an error, the lines before it notes.
     */
    private void diagnostic(String line, List<String> failures) {
        if (line.startsWith("covet: ")) {
            failures.add(line.substring("covet: ".length()));
            getLog().error(line);
        } else if (!failures.isEmpty()) {
            failures.set(failures.size() - 1, failures.get(failures.size() - 1) + "\n" + line);
            getLog().error(line);
        } else {
            getLog().info(line);
        }
    }

    private Map<String, String> overrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (properties != null) {
            properties.forEach((key, value) -> overrides.put(key, value == null ? "" : value));
        }
        if (url != null && !url.isBlank()) {
            overrides.put("covet.migrations.url", url.trim());
        }
        if (user != null) {
            overrides.put("covet.migrations.user", user);
        }
        if (password != null) {
            overrides.put("covet.migrations.password", password);
        }
        return overrides;
    }

    /** The project's compiled classes and runtime dependencies, over the plugin's own classes (Covet, Spring, Hibernate). */
    private URLClassLoader projectClassLoader() throws MojoExecutionException {
        List<URL> urls = new ArrayList<>();
        try {
            for (String element : project.getRuntimeClasspathElements()) {
                urls.add(Path.of(element).toUri().toURL());
            }
        } catch (DependencyResolutionRequiredException | MalformedURLException e) {
            throw new MojoExecutionException("cannot build the project's class path: " + e.getMessage(), e);
        }
        return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
    }
}
