package dev.covet.migrations.engine;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.ConnectionSource;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * String defaults that try to end their literal and run SQL of their own, rendered with the session setting that
 * makes a backslash an escape character on: PostgreSQL with {@code standard_conforming_strings=off}, MySQL with and
 * without {@code NO_BACKSLASH_ESCAPES}. Nothing but the migration runs, and every value reads back as written.
 */
class HostileLiteralsTests {

    /** The values, as Java strings. */
    private static final List<String> VALUES = List.of(
            "\\'; CREATE TABLE pwned (x INT); -- ",
            "'; CREATE TABLE pwned (x INT); -- ",
            "\\",
            "ends with a backslash \\",
            "\\\\'",
            "\\''\\",
            "tab\\tnewline\\n zero\\0 quote\\\" percent% underscore_",
            "$$; CREATE TABLE pwned (x INT); $$",
            "plain");

    @AllDatabases
    void hostileDefaultsRunNothingAndRoundTrip(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            for (String setting : dangerousSettings(db.kind())) {
                try (MigrationFiles files = new MigrationFiles()) {
                    String table = "t_" + (setting == null ? "default" : "set");
                    files.write("0001_hostile.yaml", migration(table));
                    DataSource dataSource = withSetting(db, setting);
                    MigrationRunner.builder(dataSource).locations(files.location()).tablePrefix(table + "_covet_").build().migrate();

                    SchemaState schema;
                    try (Connection c = dataSource.getConnection()) {
                        schema = db.dialect().schemaReader().read(c, "covet_");
                    }
                    assertThat(schema.tables().keySet()).as(setting).noneMatch(name -> name.startsWith("pwned"));
                    TableSchema t = schema.tables().get(table);
                    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                        s.execute("INSERT INTO " + table + " (id) VALUES (1)");
                        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                            assertThat(rs.next()).isTrue();
                            for (int i = 0; i < VALUES.size(); i++) {
                                assertThat(rs.getString("v" + i)).as("%s: v%d", setting, i).isEqualTo(VALUES.get(i));
                                // The catalog shows the same literal, so drift detection sees no change.
                                assertThat(t.column("v" + i).orElseThrow().defaultValue()).as("%s: v%d", setting, i)
                                        .isEqualTo(new ColumnDefault.Literal(VALUES.get(i)));
                            }
                        }
                    }
                }
            }
        }
    }

    /** For each database: the session settings to run with ({@code null}: the server's defaults). */
    private static List<String> dangerousSettings(String kind) {
        List<String> settings = new ArrayList<>();
        settings.add(null);
        switch (kind) {
            case "postgresql" -> settings.add("SET standard_conforming_strings = off");
            case "mysql" -> settings.add("SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES')");
            default -> { }
        }
        return settings;
    }

    private static DataSource withSetting(TestDatabase db, String setting) {
        return ConnectionSource.of(db.url(), () -> {
            Connection c = db.connect();
            if (setting != null) {
                try (Statement s = c.createStatement()) {
                    s.execute(setting);
                }
            }
            return c;
        });
    }

    private static String migration(String table) {
        StringBuilder yaml = new StringBuilder("operations:\n  - type: CREATE_TABLE\n    table: " + table + "\n    columns:\n"
                + "      - {name: id, type: BIGINT, nullable: false, primary_key: true}\n");
        for (int i = 0; i < VALUES.size(); i++) {
            yaml.append("      - {name: v").append(i).append(", type: VARCHAR(100), default: ")
                    .append(yamlString(VALUES.get(i))).append("}\n");
        }
        return yaml.toString();
    }

    /** A YAML double-quoted string. */
    private static String yamlString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
