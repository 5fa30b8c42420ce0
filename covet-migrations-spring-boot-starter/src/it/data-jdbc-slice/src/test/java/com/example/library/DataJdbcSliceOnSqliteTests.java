package com.example.library;

import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class DataJdbcSliceOnSqliteTests extends DataJdbcSlice {

    private static TestDatabase db;

    // Made before the context, so a server missing outside CI skips the class with its reason.
    @BeforeAll
    static void create() {
        db = create("sqlite");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        register(registry, db);
    }

    /** Spring Data JDBC's dialect for SQLite, which it cannot find by itself. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Sqlite {
        @Bean
        JdbcDialect sqliteDialect() {
            return SqliteJdbcDialect.INSTANCE;
        }
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }
}
