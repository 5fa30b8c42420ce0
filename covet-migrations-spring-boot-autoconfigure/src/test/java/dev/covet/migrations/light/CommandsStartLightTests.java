package dev.covet.migrations.light;

import dev.covet.migrations.autoconfigure.cli.CovetExit;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Commands start the application lightly: no JPA entity manager factory, no data seed, no web server; yet
 * {@code makemigrations} still reads the entities and a bean that needs the repository still gets it. Run inside
 * the test's JVM, the exit is recorded at the moment the real one would end the JVM (and then stops the start, as
 * the real exit does), so what was built by then is what a real command builds.
 */
@ResourceLock("spring-boot-logging")
class CommandsStartLightTests {

    /** What the application had built when the command exited. */
    record Exit(int code, boolean entityManagerFactoryBuilt, boolean seedBuilt, long notesReadOnDemand) {
    }

    /** Ends the start where the real exit would end the JVM. */
    static final class CommandExited extends RuntimeException {
        final Exit exit;

        CommandExited(Exit exit) {
            super("covet command exited with " + exit.code(), null, false, false);
            this.exit = exit;
        }
    }

    @AllDatabases
    void commandsBuildNeitherTheEntityManagerFactoryNorTheApplicationsBeans(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            Exit generated = command(db, files, false, "makemigrations", "--name", "notes");
            assertThat(generated.code()).isZero();
            assertThat(generated.entityManagerFactoryBuilt()).as("makemigrations reads the entities itself").isFalse();
            try (Stream<java.nio.file.Path> written = Files.list(files.dir())) {
                assertThat(written.map(p -> p.getFileName().toString())).anyMatch(n -> n.contains("notes"));
            }

            Exit migrated = command(db, files, false, "migrate");
            assertThat(migrated.code()).isZero();
            assertThat(migrated.entityManagerFactoryBuilt()).isFalse();
            assertThat(migrated.seedBuilt()).as("the application's runners are not even made").isFalse();

            assertThat(command(db, files, false, "makemigrations", "--check").code()).as("model and migrations agree").isZero();

            Exit status = command(db, files, true, "status");
            assertThat(status.code()).isZero();
            assertThat(status.entityManagerFactoryBuilt()).isFalse();
            assertThat(status.notesReadOnDemand()).as("a bean that needs JPA still gets it, built on first use").isZero();
            assertThat(count(db)).as("the seed never ran").isZero();
        }
    }

    private static long count(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM note")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs {@code covet <args>}; with {@code readNotes}, also reads the notes through the repository after the exit. */
    static Exit command(TestDatabase db, MigrationFiles files, boolean readNotes, String... args) {
        List<String> argv = new ArrayList<>(List.of("covet"));
        argv.addAll(List.of(args));
        AtomicReference<Exit> exit = new AtomicReference<>();
        SpringApplicationBuilder app = new SpringApplicationBuilder(LightApplication.class)
                .properties(properties(db, files))
                .initializers(context -> {
                    ConfigurableListableBeanFactory beans = context.getBeanFactory();
                    CovetExit recorder = code -> {
                        boolean built = beans.containsSingleton("entityManagerFactory");
                        boolean seed = beans.containsSingleton("seed");
                        long notes = readNotes ? context.getBean(NoteRepository.class).count() : -1;
                        throw new CommandExited(new Exit(code, built, seed, notes));
                    };
                    beans.registerSingleton("covetExit", recorder);
                });
        assertThatThrownBy(() -> app.run(argv.toArray(String[]::new)))
                .isInstanceOfSatisfying(CommandExited.class, e -> exit.set(e.exit));
        return exit.get();
    }

    static String[] properties(TestDatabase db, MigrationFiles files) {
        List<String> p = new ArrayList<>(List.of(
                "spring.datasource.url=" + db.url(),
                "spring.jpa.open-in-view=false",
                "covet.migrations.locations=" + files.location(),
                "covet.migrations.output-directory=" + files.dir(),
                "logging.level.org.springframework.boot.SpringApplication=OFF"));
        if (db.user() != null) {
            p.add("spring.datasource.username=" + db.user());
            p.add("spring.datasource.password=" + (db.password() == null ? "" : db.password()));
        }
        return p.toArray(String[]::new);
    }
}
