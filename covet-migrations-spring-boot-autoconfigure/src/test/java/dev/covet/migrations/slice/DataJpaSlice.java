package dev.covet.migrations.slice;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataJpaTest} runs Covet's migrations, as Boot's slices run Flyway's: Hibernate only validates the schema
 * ({@code ddl-auto=validate}), so the slice starts only if the migration created the table. One subclass per
 * database gives it the database.
 */
@DataJpaTest(properties = {"spring.jpa.hibernate.ddl-auto=validate", "covet.migrations.locations=classpath:db/slice-migrations"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ResourceLock("spring-boot-logging")
abstract class DataJpaSlice {

    @Autowired
    Authors authors;

    @Autowired
    MigrationRunner runner;

    @Test
    void theSliceAppliedTheMigrationsAndTheRepositoryWorks() {
        assertThat(runner.status().applied()).extracting(i -> i.id().toString()).containsExactly("0001_author");
        authors.save(new SliceTestApplication.Author("Ursula"));
        assertThat(authors.findAll()).extracting(SliceTestApplication.Author::getName).containsExactly("Ursula");
    }

    static void register(DynamicPropertyRegistry registry, TestDatabase db) {
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }
}
