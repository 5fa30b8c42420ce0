package dev.covet.migrations.introspect;

import dev.covet.migrations.internal.introspect.MySqlSchemaReader;
import dev.covet.migrations.internal.introspect.MySqlTypes;
import dev.covet.migrations.internal.introspect.PostgresSchemaReader;
import dev.covet.migrations.internal.introspect.SqliteSchemaReader;
import dev.covet.migrations.internal.introspect.SqliteTableDdl;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ColumnType.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The text-level normalization rules the readers share, on catalog spellings not every test server produces. */
class SchemaReaderNormalizationTests {

    private static final ColumnType BOOL = ColumnType.of(Kind.BOOLEAN);
    private static final ColumnType TEXT = ColumnType.of(Kind.TEXT);

    @Test
    void mysql8DefaultsAreUnquotedValuesOrGeneratedExpressions() {
        assertThat(MySqlSchemaReader.defaultValue("new", "", ColumnType.varchar(10), false)).isEqualTo(new ColumnDefault.Literal("new"));
        assertThat(MySqlSchemaReader.defaultValue("1", "", BOOL, false)).isEqualTo(new ColumnDefault.Literal(true));
        assertThat(MySqlSchemaReader.defaultValue("0.00", "", ColumnType.decimal(5, 2), false)).isEqualTo(new ColumnDefault.Literal(0));
        assertThat(MySqlSchemaReader.defaultValue("CURRENT_TIMESTAMP(6)", "default_generated", ColumnType.of(Kind.TIMESTAMP), false))
                .isEqualTo(new ColumnDefault.Expression("CURRENT_TIMESTAMP"));
        assertThat(MySqlSchemaReader.defaultValue("CURRENT_TIMESTAMP", "", TEXT, false)).isEqualTo(new ColumnDefault.Literal("CURRENT_TIMESTAMP"));
    }

    @Test
    void mariaDbDefaultsAreSql() {
        assertThat(MySqlSchemaReader.defaultValue("'new'", "", TEXT, true)).isEqualTo(new ColumnDefault.Literal("new"));
        assertThat(MySqlSchemaReader.defaultValue("NULL", "", TEXT, true)).isNull();
        assertThat(MySqlSchemaReader.defaultValue("'0'", "", BOOL, true)).isEqualTo(new ColumnDefault.Literal(false));
        // A bit(1) boolean (Hibernate's on MariaDB) shows a bit literal; on another type it stays an expression.
        assertThat(MySqlSchemaReader.defaultValue("b'1'", "", BOOL, true)).isEqualTo(new ColumnDefault.Literal(true));
        assertThat(MySqlSchemaReader.defaultValue("b'0'", "", BOOL, true)).isEqualTo(new ColumnDefault.Literal(false));
        assertThat(MySqlSchemaReader.defaultValue("b'1'", "", ColumnType.nativeType("mysql", "bit(4)"), true))
                .isEqualTo(new ColumnDefault.Expression("b'1'"));
        assertThat(MySqlSchemaReader.defaultValue("current_timestamp()", "", ColumnType.of(Kind.TIMESTAMP), true))
                .isEqualTo(new ColumnDefault.Expression("CURRENT_TIMESTAMP"));
    }

    @Test
    void postgresDefaultsLoseTheirCasts() {
        assertThat(PostgresSchemaReader.defaultValue("'new'::character varying", TEXT)).isEqualTo(new ColumnDefault.Literal("new"));
        assertThat(PostgresSchemaReader.defaultValue("'-1'::integer", ColumnType.of(Kind.INTEGER))).isEqualTo(new ColumnDefault.Literal(-1));
        assertThat(PostgresSchemaReader.defaultValue("true", BOOL)).isEqualTo(new ColumnDefault.Literal(true));
        assertThat(PostgresSchemaReader.defaultValue("now()", ColumnType.of(Kind.TIMESTAMPTZ)))
                .isEqualTo(new ColumnDefault.Expression("CURRENT_TIMESTAMP"));
        assertThat(PostgresSchemaReader.defaultValue("'a'::text || 'b'::text", TEXT))
                .isEqualTo(new ColumnDefault.Expression("'a'::text || 'b'::text"));
    }

    @Test
    void catalogTypes() {
        assertThat(PostgresSchemaReader.type("t", "c", "timestamp(3) without time zone")).isEqualTo(new ColumnType(Kind.TIMESTAMP, null, 3, null));
        assertThat(PostgresSchemaReader.type("t", "c", "character varying(20)")).isEqualTo(ColumnType.varchar(20));
        assertThat(MySqlTypes.parse("int(11)")).isEqualTo(ColumnType.of(Kind.INTEGER));
        assertThat(MySqlTypes.parse("tinyint(1)")).isEqualTo(BOOL);
        assertThat(MySqlTypes.parse("datetime(6)")).isEqualTo(new ColumnType(Kind.TIMESTAMP, null, 6, null));
        assertThat(MySqlTypes.parse("timestamp")).isEqualTo(ColumnType.of(Kind.TIMESTAMPTZ));
        assertThat(MySqlTypes.parse("varbinary(16)")).isEqualTo(new ColumnType(Kind.BLOB, 16, null, null));
        assertThat(MySqlTypes.parse("binary(16)")).isEqualTo(new ColumnType(Kind.BINARY, 16, null, null));
        assertThat(PostgresSchemaReader.type("t", "c", "oid")).isEqualTo(ColumnType.of(Kind.OID));
        // What the portable kinds cannot say is kept as the database's own type, so it renders back the same.
        assertThat(MySqlTypes.parse("bigint(20) unsigned")).isEqualTo(ColumnType.nativeType("mysql", "bigint(20) unsigned"));
        assertThat(MySqlTypes.parse("enum('active','closed','suspended')"))
                .isEqualTo(ColumnType.nativeType("mysql", "enum('active','closed','suspended')"));
        assertThat(MySqlTypes.parse("enum('it''s','No')").nativeSql()).isEqualTo("enum('it''s','No')");
        assertThat(MySqlTypes.parse("set('a','b')").sql()).isEqualTo("mysql:set('a','b')");
        assertThat(MySqlTypes.parse("year(4)").sql()).isEqualTo("mysql:year(4)");
        assertThat(MySqlTypes.parse("text").sql()).as("TEXT is longtext here").isEqualTo("mysql:text");
        assertThat(MySqlTypes.parse("longtext")).isEqualTo(TEXT);
        assertThat(PostgresSchemaReader.type("t", "c", "tsvector").sql()).isEqualTo("postgresql:tsvector");
        assertThat(PostgresSchemaReader.type("t", "c", "integer[]").sql()).isEqualTo("postgresql:integer[]");
        assertThat(PostgresSchemaReader.type("t", "c", "json").sql()).as("JSON is jsonb here").isEqualTo("postgresql:json");
        assertThat(PostgresSchemaReader.type("t", "c", "jsonb")).isEqualTo(ColumnType.of(Kind.JSON));
        assertThat(PostgresSchemaReader.type("t", "c", "bit(8)").sql()).isEqualTo("postgresql:bit(8)");
        assertThat(PostgresSchemaReader.type("t", "c", "interval").sql()).isEqualTo("postgresql:interval");
    }

    @Test
    void sqliteDdlNamesAndPredicates() {
        SqliteTableDdl ddl = SqliteTableDdl.parse("""
                CREATE TABLE "t" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, a TEXT DEFAULT 'x, CHECK (y)' -- UNIQUE
                  CONSTRAINT [uk_t_a] UNIQUE, b INT CHECK (b > 0), CONSTRAINT "ck_t" CHECK ((a <> b)))""");
        assertThat(ddl.autoIncrementColumn()).isEqualTo("id");
        assertThat(ddl.uniques()).containsExactly(new SqliteTableDdl.Unique("uk_t_a", List.of("a")));
        assertThat(ddl.checks()).containsExactly(new SqliteTableDdl.Check(null, "b > 0"), new SqliteTableDdl.Check("ck_t", "a <> b"));
        assertThat(SqliteSchemaReader.where("CREATE INDEX i ON t (a) WHERE (b IS NULL)")).isEqualTo("b IS NULL");
        assertThat(SqliteSchemaReader.where("CREATE INDEX i ON t (a)")).isNull();
    }
}
