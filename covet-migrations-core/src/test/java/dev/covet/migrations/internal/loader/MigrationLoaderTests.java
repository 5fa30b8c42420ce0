package dev.covet.migrations.internal.loader;

import dev.covet.migrations.loader.MigrationFileException;
import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.RunSql;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationLoaderTests {

    @TempDir
    Path dir;

    private final MigrationLoader loader = new MigrationLoader(getClass().getClassLoader());

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private List<MigrationSource> list() {
        return loader.list(List.of("filesystem:" + dir));
    }

    private Migration only() {
        List<MigrationSource> sources = list();
        assertThat(sources).hasSize(1);
        return sources.get(0).parse();
    }

    @Test
    void readsTheDesignExample() throws IOException {
        write("0042_add_user_verification.yaml", """
                description: Add email verification fields to users table.
                app: accounts
                dependencies: [0041_create_users_table]
                operations:
                  - type: CREATE_TABLE
                    table: user_tokens
                    columns:
                      - {name: id, type: BIGINT, nullable: false, primary_key: true, auto_increment: true}
                      - {name: user_id, type: BIGINT, nullable: false}
                      - {name: token, type: VARCHAR(64), nullable: false, unique: true}
                      - {name: amount, type: "DECIMAL(10,2)"}
                    foreign_keys:
                      - {name: fk_user_tokens_user, columns: [user_id], references: {table: users, columns: [id]}, on_delete: CASCADE}
                  - type: ADD_COLUMN
                    table: users
                    column: {name: email_verified, type: BOOLEAN, nullable: false, default: false}
                  - type: RUN_SQL
                    sql: UPDATE users SET email_verified = (email_confirmed = 1)
                    reverse_sql: UPDATE users SET email_confirmed = email_verified
                """);
        Migration m = only();
        assertThat(m.id()).isEqualTo(new MigrationId("accounts", "0042_add_user_verification"));
        assertThat(m.dependencies()).containsExactly(new MigrationId("accounts", "0041_create_users_table"));
        assertThat(m.operations()).hasSize(3);
        CreateTable create = (CreateTable) m.operations().get(0);
        assertThat(create.table().primaryKey()).containsExactly("id");
        assertThat(create.table().column("token").orElseThrow().unique()).isTrue();
        assertThat(create.table().column("amount").orElseThrow().type()).isEqualTo(ColumnType.decimal(10, 2));
        assertThat(create.table().foreignKeys().get(0).onDelete()).isEqualTo("CASCADE");
        AddColumn add = (AddColumn) m.operations().get(1);
        assertThat(add.column().defaultValue()).isEqualTo(new ColumnDefault.Literal(false));
        assertThat(((RunSql) m.operations().get(2)).reverseSql().common()).hasSize(1);
    }

    @Test
    void readsJsonAndSqlFilesAndDefaultsDependenciesToThePreviousFile() throws IOException {
        write("0001_first.json", """
                {"operations": [{"type": "CREATE_TABLE", "table": "a", "columns": [{"name": "id", "type": "INT", "primary_key": true}]}]}
                """);
        write("0002_second.sql", """
                -- covet:description Adds a function
                -- covet:up
                CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
                INSERT INTO a (id) VALUES (1); -- trailing; comment
                -- covet:down
                DROP FUNCTION f();
                """);
        write("0010_third.yml", "operations:\n  - {type: DROP_TABLE, table: a}\n");
        List<MigrationSource> sources = list();
        assertThat(sources).extracting(s -> s.id().name()).containsExactly("0001_first", "0002_second", "0010_third");
        Migration sql = sources.get(1).parse();
        assertThat(sql.dependencies()).containsExactly(new MigrationId("default", "0001_first"));
        assertThat(sql.description()).isEqualTo("Adds a function");
        RunSql run = (RunSql) sql.operations().get(0);
        assertThat(run.sql().common()).containsExactly(
                "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
                "INSERT INTO a (id) VALUES (1)");
        assertThat(run.reverseSql().common()).containsExactly("DROP FUNCTION f()");
        assertThat(sources.get(2).parse().dependencies()).containsExactly(new MigrationId("default", "0002_second"));
        assertThat(sources.get(0).parse().dependencies()).isEmpty();
    }

    @Test
    void perDialectSqlAndExplicitOverrides() throws IOException {
        write("0001_x.yaml", """
                operations:
                  - type: RUN_SQL
                    sql: {postgresql: "SELECT 1", default: ["SELECT 2", "SELECT 3"]}
                forward_sql: {sqlite: [CREATE TABLE t (id INTEGER)]}
                backward_sql: [DROP TABLE t]
                """);
        Migration m = only();
        RunSql run = (RunSql) m.operations().get(0);
        assertThat(run.sql().statementsFor("postgresql")).contains(List.of("SELECT 1"));
        assertThat(run.sql().statementsFor("mysql")).contains(List.of("SELECT 2", "SELECT 3"));
        assertThat(m.forwardSql().statementsFor("sqlite")).contains(List.of("CREATE TABLE t (id INTEGER)"));
        assertThat(m.forwardSql().statementsFor("mysql")).isEmpty();
        assertThat(m.backwardSql().common()).containsExactly("DROP TABLE t");
    }

    @Test
    void checksumIgnoresLineEndingsAndTrailingBlanksButNotContent() {
        String lf = "operations:\n  - type: DROP_TABLE\n    table: a\n";
        String crlf = "operations:  \r\n  - type: DROP_TABLE\t\r\n    table: a\r\n\r\n\r\n";
        assertThat(Checksums.of(crlf)).isEqualTo(Checksums.of(lf));
        assertThat(Checksums.of("\uFEFF" + lf)).isEqualTo(Checksums.of(lf));
        assertThat(Checksums.of(lf.replace("table: a", "table: b"))).isNotEqualTo(Checksums.of(lf));
        assertThat(Checksums.of("a\n\nb")).isNotEqualTo(Checksums.of("a\nb"));
    }

    @Test
    void errorsNameTheFileAndTheField() throws IOException {
        write("0001_bad_type.yaml", """
                operations:
                  - type: ADD_COLUMN
                    table: users
                    column: {name: age, type: VARCHR(20)}
                """);
        assertThatThrownBy(this::only).isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("0001_bad_type.yaml")
                .hasMessageContaining("operations[0].column.type")
                .hasMessageContaining("unknown column type 'VARCHR(20)'");
    }

    @Test
    void unknownKeysAndOperationTypesAreErrors() throws IOException {
        write("0001_typo.yaml", "operations:\n  - {type: ADD_COLUMN, table: t, column: {name: a, type: INT, nulable: false}}\n");
        assertThatThrownBy(this::only).hasMessageContaining("operations[0].column.nulable").hasMessageContaining("unknown key");
        write("0001_typo.yaml", "operations:\n  - {type: ADD_COLUMNS, table: t}\n");
        assertThatThrownBy(this::only).hasMessageContaining("operations[0].type").hasMessageContaining("ADD_COLUMNS");
        write("0001_typo.yaml", "operation:\n  - {type: DROP_TABLE, table: t}\n");
        assertThatThrownBy(this::only).hasMessageContaining("0001_typo.yaml: operation: unknown key");
    }

    @Test
    void malformedYamlAndJsonSayWhere() throws IOException {
        write("0001_broken.yaml", "operations:\n  - {type: DROP_TABLE, table: [\n");
        assertThatThrownBy(this::only).isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("0001_broken.yaml").hasMessageContaining("not valid YAML").hasMessageContaining("line");
        Files.delete(dir.resolve("0001_broken.yaml"));
        write("0001_broken.json", "{\"operations\": [}");
        assertThatThrownBy(this::list).hasMessageContaining("0001_broken.json").hasMessageContaining("not valid JSON");
    }

    @Test
    void hostileNamesAreRefusedWithTheirField() throws IOException {
        for (String hostile : List.of("users; DROP TABLE x", "a\\\"b", "../etc", "it's")) {
            write("0001_hostile.yaml", "operations:\n  - type: DROP_TABLE\n    table: \"" + hostile + "\"\n");
            assertThatThrownBy(this::only).as(hostile).isInstanceOf(MigrationFileException.class)
                    .hasMessageContaining("operations[0].table").hasMessageContaining("invalid name");
        }
        write("0001_hostile.yaml", "app: ../x\noperations:\n  - {type: DROP_TABLE, table: t}\n");
        assertThatThrownBy(this::list).hasMessageContaining("0001_hostile.yaml").hasMessageContaining("invalid app");
    }

    @Test
    void badFileNamesDuplicatesAndOversizedFilesAreErrors() throws IOException {
        write("create users.yaml", "operations: []\n");
        assertThatThrownBy(this::list).hasMessageContaining("create users.yaml").hasMessageContaining("NNNN_snake_case_name");
        Files.delete(dir.resolve("create users.yaml"));
        write("0001_a.yaml", "operations:\n  - {type: DROP_TABLE, table: t}\n");
        write("0001_a.sql", "DROP TABLE t;");
        assertThatThrownBy(this::list).hasMessageContaining("two files define migration 0001_a");
        Files.delete(dir.resolve("0001_a.sql"));
        Files.write(dir.resolve("0002_big.sql"), new byte[MigrationLoader.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(this::list).hasMessageContaining("0002_big.sql").hasMessageContaining("larger than");
    }

    @Test
    void locationsCannotEscapeTheirRoot(@TempDir Path outside) throws IOException {
        assertThatThrownBy(() -> loader.list(List.of("classpath:db/../../etc"))).hasMessageContaining("'..'");
        Path secret = Files.writeString(outside.resolve("0001_secret.sql"), "SELECT 1;");
        Files.createSymbolicLink(dir.resolve("0001_secret.sql"), secret);
        assertThatThrownBy(this::list).hasMessageContaining("0001_secret.sql").hasMessageContaining("outside the migration location");
        assertThatThrownBy(() -> loader.list(List.of("filesystem:" + dir.resolve("missing"))))
                .isInstanceOf(MigrationException.class).hasMessageContaining("does not exist");
    }

    @Test
    void readsClasspathLocationsInJars() throws IOException {
        Path jar = dir.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // Jars built by Maven and Spring Boot hold directory entries; class loaders find directories by them.
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry("db/migrations/"));
            out.putNextEntry(new JarEntry("db/migrations/0001_init.yaml"));
            out.write("operations:\n  - {type: DROP_TABLE, table: t}\n".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry("db/migrations/README.txt"));
            out.write("not a migration".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry("db/other/0002_no.yaml"));
            out.write("x: 1".getBytes(StandardCharsets.UTF_8));
        }
        try (URLClassLoader cl = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            List<MigrationSource> sources = new MigrationLoader(cl).list(List.of("classpath:db/migrations"));
            assertThat(sources).extracting(MigrationSource::location).containsExactly("classpath:db/migrations/0001_init.yaml");
            assertThat(sources.get(0).parse().operations()).hasSize(1);
        }
    }

    @Test
    void sqlFileDirectivesAreChecked() throws IOException {
        write("0001_x.sql", "-- covet:down\nDROP TABLE t;\n-- covet:up\nCREATE TABLE t (id INT);\n");
        assertThatThrownBy(this::only).hasMessageContaining("0001_x.sql: line 3");
        write("0001_x.sql", "-- covet:upp\nCREATE TABLE t (id INT);\n");
        assertThatThrownBy(this::only).hasMessageContaining("line 1").hasMessageContaining("unknown directive");
        write("0001_x.sql", "-- covet:app billing\n-- covet:depends accounts:0003_users\nCREATE TABLE t (id INT);\n");
        Migration m = only();
        assertThat(m.id().app()).isEqualTo("billing");
        assertThat(m.dependencies()).containsExactly(new MigrationId("accounts", "0003_users"));
        assertThat(((RunSql) m.operations().get(0)).reverseSql()).isNull();
    }

}
