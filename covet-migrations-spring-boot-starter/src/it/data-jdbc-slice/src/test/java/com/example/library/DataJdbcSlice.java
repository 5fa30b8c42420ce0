package com.example.library;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataJdbcTest} runs Covet's migrations before the test (Covet is listed for Boot's
 * {@code AutoConfigureDataSourceInitialization}, as Flyway is): the repository saves and loads a {@link Book}, which
 * needs the table only the migration makes, and Covet's history holds the migration. Spring Data JDBC does not
 * create tables. One subclass per database gives it a fresh database.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
abstract class DataJdbcSlice {

    @Autowired
    Books books;

    @Autowired
    MigrationRunner runner;

    @Test
    void theSliceAppliedTheMigrationsAndTheRepositoryWorks() {
        assertThat(runner.status().applied()).extracting(i -> i.id().toString()).containsExactly("0001_book");
        assertThat(runner.status().pending()).isEmpty();

        Book saved = books.save(new Book("The Dispossessed", 1974));
        assertThat(saved.getId()).isNotNull();
        assertThat(books.findById(saved.getId())).get()
                .extracting(Book::getTitle, Book::getPublishedYear)
                .containsExactly("The Dispossessed", 1974);
        assertThat(books.findByTitle("The Dispossessed")).extracting(Book::getId).containsExactly(saved.getId());
        // A page past the first: the dialect's LIMIT and OFFSET.
        books.save(new Book("Kindred", 1979));
        assertThat(books.findAll(PageRequest.of(1, 1, Sort.by("title")))).extracting(Book::getTitle)
                .containsExactly("The Dispossessed");
        assertThat(books.count()).isEqualTo(2);
    }

    /**
     * A fresh database of the kind: skipped, saying why (verify.groovy repeats it in the outer build), or failed when
     * {@code CI=true}, when its server is not set.
     */
    static TestDatabase create(String kind) {
        try {
            return new DatabaseKind(kind).create();
        } catch (TestAbortedException skipped) {
            System.out.println(SKIPPED + kind + ": " + skipped.getMessage());
            throw skipped;
        }
    }

    static final String SKIPPED = "[data-jdbc-slice] ";

    static void register(DynamicPropertyRegistry registry, TestDatabase db) {
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }
}
