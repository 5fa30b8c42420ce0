package dev.covet.migrations.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabasesTests {

    @AllDatabases
    void eachDatabaseIsFreshAndDroppedAfterwards(DatabaseKind kind) throws Exception {
        String url;
        try (TestDatabase db = kind.create()) {
            url = db.url();
            db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)", "INSERT INTO t VALUES (1)");
            try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        assertThat(url).isNotBlank();
    }

    @Test
    void replacesTheDatabaseInAnAdminUrl() {
        assertThat(TestDatabases.Server.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?ssl=false", "x"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/x?ssl=false");
        assertThat(TestDatabases.Server.withDatabase("jdbc:mysql://127.0.0.1:3306/", "y"))
                .isEqualTo("jdbc:mysql://127.0.0.1:3306/y");
    }
}
