package com.example.library;

import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class DataJdbcSliceOnMariaDbTests extends DataJdbcSlice {

    private static TestDatabase db;

    // Made before the context, so a server missing outside CI skips the class with its reason.
    @BeforeAll
    static void create() {
        db = create("mysql");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        register(registry, db);
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }
}
