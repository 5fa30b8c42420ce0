package dev.covet.migrations.slice;

import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class JdbcSliceOnMariaDbTests extends JdbcSlice {

    private static final TestDatabase DB = new DatabaseKind("mysql").create();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        register(registry, DB);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }
}
