package dev.covet.migrations.sqlite;

import dev.covet.migrations.dialect.SqliteDialect;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Version detection and what each version gets: RENAME COLUMN from 3.25, DROP COLUMN from 3.35. */
class SqliteVersionTests {

    private static final SchemaState STATE = SchemaState.empty().withTable(TableSchema.of("t", List.of(
            ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT)).notNull().asPrimaryKey(),
            ColumnSchema.of("a", ColumnType.of(ColumnType.Kind.TEXT)),
            ColumnSchema.of("b", ColumnType.of(ColumnType.Kind.TEXT)))));

    private static List<String> render(SqliteDialect dialect, Operation op) {
        return dialect.render(op, STATE);
    }

    private static boolean rebuilds(List<String> sql) {
        return sql.stream().anyMatch(q -> q.startsWith("CREATE TABLE \"_covet_new_t\""));
    }

    @Test
    void parsesAndCompares() {
        assertThat(SqliteVersion.parse("3.45.1")).isEqualTo(new SqliteVersion(3, 45, 1));
        assertThat(SqliteVersion.parse("3.8")).isEqualTo(new SqliteVersion(3, 8, 0));
        assertThat(SqliteVersion.parse("3.24.0").supportsRenameColumn()).isFalse();
        assertThat(SqliteVersion.parse("3.25.0").supportsRenameColumn()).isTrue();
        assertThat(SqliteVersion.parse("3.34.1").supportsDropColumn()).isFalse();
        assertThat(SqliteVersion.parse("3.35.0").supportsDropColumn()).isTrue();
        assertThat(new SqliteVersion(3, 9, 0)).isLessThan(new SqliteVersion(3, 25, 0));
        assertThatThrownBy(() -> SqliteVersion.parse("banana")).hasMessageContaining("banana");
    }

    @Test
    void detectsTheLibraryVersion() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            SqliteVersion v = SqliteVersion.detect(c);
            assertThat(v.major()).isEqualTo(3);
            assertThat(v.supportsDropColumn()).isTrue();
        }
    }

    @Test
    void renameColumnIsNativeFrom325() {
        RenameColumn rename = new RenameColumn("t", "a", "c");
        assertThat(rebuilds(render(new SqliteDialect(SqliteVersion.parse("3.24.0"), false), rename))).isTrue();
        assertThat(render(new SqliteDialect(SqliteVersion.parse("3.25.0"), false), rename))
                .containsExactly("ALTER TABLE \"t\" RENAME COLUMN \"a\" TO \"c\"");
        assertThat(rebuilds(render(new SqliteDialect(SqliteVersion.parse("3.45.0"), true), rename))).isTrue();
    }

    @Test
    void dropColumnIsNativeFrom335() {
        DropColumn drop = new DropColumn("t", "b", null);
        assertThat(rebuilds(render(new SqliteDialect(SqliteVersion.parse("3.34.1"), false), drop))).isTrue();
        assertThat(render(new SqliteDialect(SqliteVersion.parse("3.35.0"), false), drop))
                .containsExactly("ALTER TABLE \"t\" DROP COLUMN \"b\"");
        assertThat(rebuilds(render(new SqliteDialect(SqliteVersion.parse("3.35.0"), true), drop))).isTrue();
    }

    @Test
    void theEngineUsesTheDetectedVersionUnlessOneWasGiven() {
        SqliteDialect assumed = new SqliteDialect(true);
        SqliteDialect old = assumed.forDatabaseVersion(SqliteVersion.parse("3.24.0"));
        assertThat(old.workaround().version()).isEqualTo(SqliteVersion.parse("3.24.0"));
        assertThat(old.workaround().forcesTableRebuild()).isTrue();
        SqliteDialect given = new SqliteDialect(SqliteVersion.parse("3.30.0"), false);
        assertThat(given.forDatabaseVersion(SqliteVersion.parse("3.45.0"))).isSameAs(given);
    }
}
