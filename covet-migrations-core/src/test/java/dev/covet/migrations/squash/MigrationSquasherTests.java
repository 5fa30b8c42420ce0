package dev.covet.migrations.squash;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.TableSchema;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationSquasherTests {

    private static Migration m(int n, Operation... ops) {
        MigrationId id = new MigrationId("default", String.format("%04d_step_%d", n, n));
        List<MigrationId> deps = n == 1 ? List.of() : List.of(new MigrationId("default", String.format("%04d_step_%d", n - 1, n - 1)));
        return new Migration(id, "", deps, List.of(ops), null, null, List.of(), "x", id.name() + ".yaml");
    }

    private static List<Migration> history() {
        ColumnSchema id = ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT)).notNull().asPrimaryKey().autoIncremented();
        List<Migration> ms = new ArrayList<>();
        ms.add(m(1, new CreateTable(TableSchema.of("users", List.of(id)))));
        for (int i = 2; i <= 10; i++) {
            ColumnSchema c = ColumnSchema.of("c" + i, ColumnType.of(ColumnType.Kind.INTEGER));
            ms.add(i % 2 == 0 ? m(i, new AddColumn("users", c)) : m(i, new AddColumn("users", c), new DropColumn("users", "c" + i, null)));
        }
        return ms;
    }

    @Test
    void squashesAllButThePreservedOnes() {
        SquashResult result = new MigrationSquasher().squashMigrations(history(), "0001_initial_squashed", 2);
        assertThat(result.isValid()).as(result.conflicts().toString()).isTrue();
        assertThat(result.originalCount()).isEqualTo(8);
        assertThat(result.operationCountBefore()).isEqualTo(11);
        assertThat(result.operationCountAfter()).isEqualTo(1);
        assertThat(result.optimizationRatio()).isCloseTo(90.91, Offset.offset(0.01));
        assertThat(result.preserved()).extracting(MigrationId::name).containsExactly("0009_step_9", "0010_step_10");
        Migration squashed = result.squashedMigration();
        assertThat(squashed.id().name()).isEqualTo("0008_initial_squashed");
        assertThat(squashed.replaces()).hasSize(8).first().extracting(MigrationId::name).isEqualTo("0001_step_1");
        assertThat(squashed.dependencies()).isEmpty();
        CreateTable create = (CreateTable) squashed.operations().get(0);
        assertThat(create.table().columns()).extracting(ColumnSchema::name).containsExactly("id", "c2", "c4", "c6", "c8");
    }

    @Test
    void tooFewMigrationsIsAConflict() {
        SquashResult result = new MigrationSquasher().squashMigrations(history(), null, 9);
        assertThat(result.isValid()).isFalse();
        assertThat(result.conflicts()).singleElement().asString().contains("nothing to squash");
    }

    @Test
    void defaultNameNamesTheRange() {
        SquashResult result = new MigrationSquasher().squashMigrations(history(), null, 0);
        assertThat(result.squashedMigration().id().name()).isEqualTo("0010_squashed_0001_0010");
    }
}
