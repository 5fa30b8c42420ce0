package dev.covet.migrations.oracle;

import dev.covet.migrations.autoconfigure.cli.CovetExit;
import dev.covet.migrations.cli.CommandOutput;
import dev.covet.migrations.testing.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts a test application on a database with its migrations in one directory (read from there, and written
 * there by makemigrations): normally, with {@code ddl-auto=validate}, or for a {@code covet} command.
 */
final class OracleApps {

    private OracleApps() {
    }

    /** Starts the application: pending migrations run, then Hibernate validates the schema (unless extra says not). */
    static ConfigurableApplicationContext start(Class<?> application, TestDatabase db, Path migrations, String... extra) {
        List<String> properties = new ArrayList<>(List.of(properties(db, migrations)));
        properties.addAll(List.of(extra));
        return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new)).run();
    }

    /** Runs {@code covet <args>} in the application and returns its exit code. */
    static int command(Class<?> application, TestDatabase db, Path migrations, String... args) {
        AtomicInteger code = new AtomicInteger(-1);
        CovetExit recorder = code::set;
        List<String> argv = new ArrayList<>(List.of("covet"));
        argv.addAll(List.of(args));
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                .properties(properties(db, migrations))
                .initializers(context -> context.getBeanFactory().registerSingleton("covetExit", recorder))
                .run(argv.toArray(String[]::new))) {
            return code.get();
        }
    }

    /** What a command printed, and its exit code. */
    record Run(int code, String out, String err) {
    }

    /** Runs {@code covet <args>} in the application, capturing what it prints. */
    static Run commandOutput(Class<?> application, TestDatabase db, Path migrations, String... args) {
        AtomicInteger code = new AtomicInteger(-1);
        CovetExit recorder = code::set;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandOutput output = new CommandOutput(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> argv = new ArrayList<>(List.of("covet"));
        argv.addAll(List.of(args));
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                .properties(properties(db, migrations))
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("covetExit", recorder);
                    context.getBeanFactory().registerSingleton("covetCommandOutput", output);
                })
                .run(argv.toArray(String[]::new))) {
            return new Run(code.get(), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        }
    }

    private static String[] properties(TestDatabase db, Path migrations) {
        List<String> p = new ArrayList<>(List.of(
                "spring.datasource.url=" + db.url(),
                "spring.jpa.hibernate.ddl-auto=validate",
                "spring.jpa.open-in-view=false",
                // Stricter than plain validate: explicitly named indexes must exist too.
                "spring.jpa.properties.hibernate.tooling.schema.index_validation=NAMED",
                "covet.migrations.locations=filesystem:" + migrations,
                "covet.migrations.output-directory=" + migrations));
        if (!db.kind().equals("sqlite")) {
            // Named unique keys too, except on SQLite: its catalog names a table's UNIQUE constraint
            // sqlite_autoindex_<table>_N, so no lookup by the constraint's name can find it.
            p.add("spring.jpa.properties.hibernate.tooling.schema.unique_key_validation=NAMED");
        }
        if (db.user() != null) {
            p.add("spring.datasource.username=" + db.user());
            p.add("spring.datasource.password=" + (db.password() == null ? "" : db.password()));
        }
        return p.toArray(String[]::new);
    }
}
