package dev.covet.migrations.slice;

import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class JdbcSliceOnPostgresTests extends JdbcSlice {

    private static TestDatabase db;

    // Made before the context (not in a static initializer), so a server missing outside CI skips the class with
    // its reason instead of failing to initialise it.
    @BeforeAll
    static void create() {
        db = new DatabaseKind("postgresql").create();
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
