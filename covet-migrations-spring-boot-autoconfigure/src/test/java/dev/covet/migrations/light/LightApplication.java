package dev.covet.migrations.light;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An ordinary JPA application for the command start tests: an entity, a repository, and a runner that writes a row
 * at every start (a data seed, as many applications have). A command must neither build the entity manager factory
 * nor run the seed.
 */
@SpringBootApplication
public class LightApplication {

    /** The text of the note the seed writes. */
    static final String SEEDED = "seeded at start";

    @Bean
    ApplicationRunner seed(NoteRepository notes) {
        return args -> notes.save(new Note(SEEDED));
    }

    /**
     * Started as a user starts it, for the tests that run it in a JVM of its own.
     *
     * @param args program arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(LightApplication.class, args);
    }
}
