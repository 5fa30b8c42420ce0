package dev.covet.migrations.introspect;

import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ColumnType.Kind;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Dialect-specific catalog quirks, each read from the real database. */
class SchemaReaderEdgeCasesTests {

    @Test
    void postgresDefaultsIdentityAndUniqueIndex() throws Exception {
        try (TestDatabase db = new DatabaseKind("postgresql").create()) {
            db.execute("""
                    CREATE TABLE items (
                      id BIGSERIAL PRIMARY KEY,
                      code VARCHAR(10) NOT NULL,
                      price NUMERIC(8,2) NOT NULL DEFAULT '-1',
                      at TIMESTAMPTZ(3) DEFAULT now(),
                      label TEXT DEFAULT 'CURRENT_TIMESTAMP',
                      qty INTEGER DEFAULT -5,
                      ratio DOUBLE PRECISION DEFAULT 1.5,
                      flag BOOLEAN DEFAULT false,
                      ident INTEGER GENERATED ALWAYS AS IDENTITY,
                      CONSTRAINT ck_items_qty CHECK (qty < 100))""",
                    "CREATE UNIQUE INDEX uk_items_code ON items (code)");

            TableSchema items = read(db).requireTable("items");

            assertThat(items.columns()).containsExactly(
                    ColumnSchema.of("id", ColumnType.of(Kind.BIGINT)).notNull().asPrimaryKey().autoIncremented(),
                    ColumnSchema.of("code", ColumnType.varchar(10)).notNull().asUnique(),
                    ColumnSchema.of("price", ColumnType.decimal(8, 2)).notNull().withDefault(new ColumnDefault.Literal(-1)),
                    ColumnSchema.of("at", new ColumnType(Kind.TIMESTAMPTZ, null, 3, null))
                            .withDefault(new ColumnDefault.Expression("CURRENT_TIMESTAMP")),
                    ColumnSchema.of("label", ColumnType.of(Kind.TEXT)).withDefault(new ColumnDefault.Literal("CURRENT_TIMESTAMP")),
                    ColumnSchema.of("qty", ColumnType.of(Kind.INTEGER)).withDefault(new ColumnDefault.Literal(-5)),
                    ColumnSchema.of("ratio", ColumnType.of(Kind.DOUBLE)).withDefault(new ColumnDefault.Literal(1.5)),
                    ColumnSchema.of("flag", ColumnType.of(Kind.BOOLEAN)).withDefault(new ColumnDefault.Literal(false)),
                    ColumnSchema.of("ident", ColumnType.of(Kind.INTEGER)).notNull().autoIncremented());
            assertThat(items.indexes()).isEmpty();
            assertThat(items.constraints()).containsExactly(
                    new ConstraintSchema("ck_items_qty", ConstraintSchema.Kind.CHECK, List.of(), "qty < 100"));
        }
    }

    @Test
    void mysqlDefaultsAndUniqueIndex() throws Exception {
        try (TestDatabase db = new DatabaseKind("mysql").create()) {
            db.execute("""
                    CREATE TABLE items (
                      id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
                      code VARCHAR(10) NOT NULL,
                      price DECIMAL(8,2) NOT NULL DEFAULT -1,
                      at TIMESTAMP(3) NULL DEFAULT CURRENT_TIMESTAMP(3),
                      label VARCHAR(30) DEFAULT 'CURRENT_TIMESTAMP',
                      qty INT DEFAULT -5,
                      ratio DOUBLE DEFAULT 1.5,
                      flag BOOLEAN DEFAULT FALSE,
                      tiny TINYINT,
                      quote VARCHAR(10) DEFAULT 'a\\'b',
                      nothing VARCHAR(10) DEFAULT NULL)""",
                    "CREATE UNIQUE INDEX uk_items_code ON items (code)");

            TableSchema items = read(db).requireTable("items");

            assertThat(items.columns()).containsExactly(
                    ColumnSchema.of("id", ColumnType.nativeType("mysql", "bigint(20) unsigned")).notNull().asPrimaryKey().autoIncremented(),
                    ColumnSchema.of("code", ColumnType.varchar(10)).notNull().asUnique(),
                    ColumnSchema.of("price", ColumnType.decimal(8, 2)).notNull().withDefault(new ColumnDefault.Literal(-1)),
                    ColumnSchema.of("at", new ColumnType(Kind.TIMESTAMPTZ, null, 3, null))
                            .withDefault(new ColumnDefault.Expression("CURRENT_TIMESTAMP")),
                    ColumnSchema.of("label", ColumnType.varchar(30)).withDefault(new ColumnDefault.Literal("CURRENT_TIMESTAMP")),
                    ColumnSchema.of("qty", ColumnType.of(Kind.INTEGER)).withDefault(new ColumnDefault.Literal(-5)),
                    ColumnSchema.of("ratio", ColumnType.of(Kind.DOUBLE)).withDefault(new ColumnDefault.Literal(1.5)),
                    ColumnSchema.of("flag", ColumnType.of(Kind.BOOLEAN)).withDefault(new ColumnDefault.Literal(false)),
                    ColumnSchema.of("tiny", ColumnType.of(Kind.SMALLINT)),
                    ColumnSchema.of("quote", ColumnType.varchar(10)).withDefault(new ColumnDefault.Literal("a'b")),
                    ColumnSchema.of("nothing", ColumnType.varchar(10)));
            assertThat(items.indexes()).isEmpty();
            assertThat(items.constraints()).isEmpty();
        }
    }

    @Test
    void sqliteUnnamedConstraintsGetDeterministicNames() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create()) {
            db.execute("CREATE TABLE parents (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER, UNIQUE (a, b))",
                    """
                    CREATE TABLE kids (
                      id INTEGER PRIMARY KEY,
                      parent_id INTEGER REFERENCES parents ON DELETE CASCADE,
                      other_id INTEGER CONSTRAINT "fk_kids_other" REFERENCES parents (id) ON UPDATE SET DEFAULT,
                      code TEXT UNIQUE,
                      note TEXT DEFAULT 'a, (b) unique' CHECK (length(note) < 100),
                      third_id INTEGER,
                      FOREIGN KEY (third_id) REFERENCES parents (id) ON DELETE RESTRICT)""");

            SchemaState state = read(db);

            assertThat(state.requireTable("parents").constraints()).containsExactly(new ConstraintSchema(
                    "sqlite_autoindex_parents_1", ConstraintSchema.Kind.UNIQUE, List.of("a", "b"), null));
            TableSchema kids = state.requireTable("kids");
            assertThat(kids.column("code").orElseThrow().unique()).isTrue();
            assertThat(kids.column("note").orElseThrow().defaultValue()).isEqualTo(new ColumnDefault.Literal("a, (b) unique"));
            assertThat(kids.indexes()).isEmpty();
            assertThat(kids.constraints()).containsExactly(
                    new ConstraintSchema("ck_kids_1", ConstraintSchema.Kind.CHECK, List.of(), "length(note) < 100"));
            assertThat(kids.foreignKeys()).containsExactly(
                    new ForeignKeySchema("fk_kids_1", List.of("parent_id"), "parents", List.of("id"), "CASCADE", null),
                    // RESTRICT is kept: on SQLite it checks at once, where NO ACTION waits for the statement's end.
                    new ForeignKeySchema("fk_kids_3", List.of("third_id"), "parents", List.of("id"), "RESTRICT", null),
                    new ForeignKeySchema("fk_kids_other", List.of("other_id"), "parents", List.of("id"), null, "SET DEFAULT"));
        }
    }

    private static SchemaState read(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return db.dialect().schemaReader().read(c, "covet_");
        }
    }
}
