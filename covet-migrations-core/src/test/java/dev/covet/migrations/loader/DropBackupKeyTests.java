package dev.covet.migrations.loader;

import dev.covet.migrations.internal.loader.MigrationLoader;
import dev.covet.migrations.internal.loader.MigrationSource;
import dev.covet.migrations.Migration;
import dev.covet.migrations.generate.MigrationGenerator;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code backup: false} on DROP_TABLE and DROP_COLUMN: read from YAML and JSON, written back by the generator. */
class DropBackupKeyTests {

    @TempDir
    Path dir;

    private List<Operation> load(String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content);
        List<MigrationSource> sources = new MigrationLoader(getClass().getClassLoader()).list(List.of("filesystem:" + dir));
        return sources.get(sources.size() - 1).parse().operations();
    }

    @Test
    void dropsBackUpUnlessTheFileSaysBackupFalse() throws IOException {
        List<Operation> ops = load("0001_drops.yaml", """
                operations:
                  - {type: DROP_TABLE, table: a}
                  - {type: DROP_TABLE, table: b, backup: false}
                  - {type: DROP_COLUMN, table: c, column: x}
                  - {type: DROP_COLUMN, table: c, column: y, backup: false}
                """);
        assertThat(ops).containsExactly(new DropTable("a", null, true), new DropTable("b", null, false),
                new DropColumn("c", "x", null, true), new DropColumn("c", "y", null, false));
    }

    @Test
    void jsonFilesTakeTheSameKey() throws IOException {
        List<Operation> ops = load("0001_drops.json", """
                {"operations": [{"type": "DROP_TABLE", "table": "a", "backup": false},
                                {"type": "DROP_COLUMN", "table": "c", "column": "x", "backup": false}]}
                """);
        assertThat(ops).containsExactly(new DropTable("a", null, false), new DropColumn("c", "x", null, false));
    }

    @Test
    void backupOnlyBelongsToDrops() {
        assertThatThrownBy(() -> load("0001_bad.yaml", "operations:\n  - {type: RENAME_TABLE, table: a, new_name: b, backup: false}\n"))
                .hasMessageContaining("backup");
    }

    @Test
    void theGeneratorWritesBackupFalseBackAndNothingForTheDefault() throws IOException {
        MigrationGenerator generator = new MigrationGenerator();
        List<Operation> ops = List.of(new DropTable("a", null, false), new DropColumn("c", "x", null, false),
                new DropTable("d", null), new DropColumn("c", "z", null));
        Migration migration = generator.generateMigration(ops, "drops", null);
        String yaml = generator.render(migration);
        assertThat(yaml.lines().filter(l -> l.contains("backup: false"))).hasSize(2);
        assertThat(load(migration.id().name() + ".yaml", yaml)).isEqualTo(ops);
    }
}
