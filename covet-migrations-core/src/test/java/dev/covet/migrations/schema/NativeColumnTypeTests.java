package dev.covet.migrations.schema;

import dev.covet.migrations.dialect.MySqlDialect;
import dev.covet.migrations.dialect.PostgresDialect;
import dev.covet.migrations.dialect.SqliteDialect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database's own column types: written tagged with the dialect, kept verbatim, refused elsewhere. */
class NativeColumnTypeTests {

    @Test
    void parsesTheTaggedFormAndWritesItBack() {
        ColumnType t = ColumnType.parse("postgresql:tsvector");
        assertThat(t.isNative()).isTrue();
        assertThat(t.dialect()).isEqualTo("postgresql");
        assertThat(t.nativeSql()).isEqualTo("tsvector");
        assertThat(t.sql()).isEqualTo("postgresql:tsvector");
        assertThat(ColumnType.parse(t.sql())).isEqualTo(t);
    }

    @Test
    void spellingsOfOneTypeAreEqualButQuotedTextIsKept() {
        assertThat(ColumnType.parse("mysql:ENUM ( 'Open' , 'it''s' )"))
                .isEqualTo(ColumnType.parse("mysql:enum('Open','it''s')"));
        assertThat(ColumnType.parse("mysql:enum('Open')")).isNotEqualTo(ColumnType.parse("mysql:enum('open')"));
        assertThat(ColumnType.parse("postgresql:Character  Varying").nativeSql()).isEqualTo("character varying");
        assertThat(ColumnType.parse("postgresql:\"Mood\"").nativeSql()).isEqualTo("\"Mood\"");
    }

    @Test
    void rendersVerbatimOnItsDatabaseOnly() {
        ColumnType year = ColumnType.parse("mysql:year(4)");
        assertThat(new MySqlDialect().typeSql(year)).isEqualTo("year(4)");
        assertThatThrownBy(() -> new PostgresDialect().typeSql(year))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mysql:year(4)' is mysql's own type and has no postgresql spelling");
        assertThat(new SqliteDialect().typeSql(ColumnType.parse("sqlite:blob sub_type text"))).isEqualTo("blob sub_type text");
    }

    @Test
    void refusesWhatCouldEndTheStatement() {
        assertThatThrownBy(() -> ColumnType.parse("postgresql:int; DROP TABLE users"))
                .hasMessageContaining("a statement separator or comment");
        assertThatThrownBy(() -> ColumnType.parse("mysql:int -- hidden")).hasMessageContaining("comment");
        assertThatThrownBy(() -> ColumnType.parse("mysql:int /* x */")).hasMessageContaining("comment");
        assertThatThrownBy(() -> ColumnType.parse("mysql:enum('a)")).hasMessageContaining("unclosed quote");
        assertThatThrownBy(() -> ColumnType.parse("mysql:enum('a'")).hasMessageContaining("unclosed '('");
        assertThatThrownBy(() -> ColumnType.parse("mysql:int)")).hasMessageContaining("unbalanced ')'");
        assertThatThrownBy(() -> ColumnType.parse("sqlite: ")).hasMessageContaining("empty");
        // Inside quotes a semicolon is data, not a separator.
        assertThat(ColumnType.parse("mysql:enum('a;b')").nativeSql()).isEqualTo("enum('a;b')");
    }

    @Test
    void anUnknownDialectTagIsAnUnknownType() {
        assertThatThrownBy(() -> ColumnType.parse("oracle:number")).hasMessageContaining("unknown column type 'oracle:number'")
                .hasMessageContaining("postgresql:tsvector");
    }
}
