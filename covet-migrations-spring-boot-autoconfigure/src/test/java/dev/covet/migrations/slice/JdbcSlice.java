package dev.covet.migrations.slice;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @JdbcTest} runs Covet's migrations before the test, as it runs Flyway's: the table the migration creates
 * takes rows. One subclass per database gives it the database.
 */
@JdbcTest(properties = "covet.migrations.locations=classpath:db/slice-migrations")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ResourceLock("spring-boot-logging")
abstract class JdbcSlice {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MigrationRunner runner;

    @Test
    void theSliceAppliedTheMigrationsBeforeTheTest() {
        assertThat(runner.status().applied()).extracting(i -> i.id().toString()).containsExactly("0001_author");
        jdbc.update("INSERT INTO author (name) VALUES (?)", "Octavia");
        assertThat(jdbc.queryForList("SELECT name FROM author", String.class)).containsExactly("Octavia");
    }

    static void register(DynamicPropertyRegistry registry, TestDatabase db) {
        DataJpaSlice.register(registry, db);
    }
}
