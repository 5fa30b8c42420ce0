package dev.covet.migrations.internal.diff;

import dev.covet.migrations.diff.DiffEngine;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableFilter;
import dev.covet.migrations.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two sides of a diff prepared so that no operation creates, changes, renames or drops an unmanaged table. */
class UnmanagedTablesTests {

    private static final ColumnType BIGINT = ColumnType.of(ColumnType.Kind.BIGINT);
    private static final TableFilter UNMANAGED = TableFilter.of("test", List.of("batch_*", "shedlock"));

    private static TableSchema table(String name, String... columns) {
        List<ColumnSchema> cols = new ArrayList<>();
        cols.add(ColumnSchema.of("id", BIGINT).notNull().asPrimaryKey());
        for (String c : columns) {
            cols.add(ColumnSchema.of(c, ColumnType.varchar(100)));
        }
        return TableSchema.of(name, cols);
    }

    private static TableSchema referencing(String name, String target) {
        return table(name).withColumns(List.of(ColumnSchema.of("id", BIGINT).notNull().asPrimaryKey(),
                        ColumnSchema.of("job_id", BIGINT)))
                .withForeignKeys(List.of(new ForeignKeySchema("fk_" + name + "_job", List.of("job_id"), target,
                        List.of("id"), null, null)));
    }

    private static SchemaState schema(TableSchema... tables) {
        return SchemaState.of(List.of(tables));
    }

    private static List<Operation> generate(SchemaState from, SchemaState to) {
        UnmanagedTables.Sides sides = UnmanagedTables.forGeneration(UNMANAGED, from, to);
        assertThat(sides.from()).isSameAs(from);
        return new DiffEngine(new RenameDetector()).generateDiff(sides.from(), sides.to());
    }

    @Test
    void anUnmanagedTableNoEntityMapsIsNotDropped() {
        SchemaState from = schema(table("customers", "email"), table("batch_job", "name"), table("legacy", "note"));
        List<Operation> ops = generate(from, schema(table("customers", "email")));
        assertThat(ops).containsExactly(new DropTable("legacy", table("legacy", "note")));
    }

    @Test
    void anUnmanagedTableIsNeitherChangedNorCreated() {
        SchemaState from = schema(table("customers"), table("SHEDLOCK", "locked_by"));
        // An entity mapping an unmanaged table differently, and one mapping an unmanaged table no migration creates.
        SchemaState model = schema(table("customers"), table("shedlock", "locked_by", "extra"), table("batch_new", "x"));
        assertThat(generate(from, model)).isEmpty();
    }

    @Test
    void renameDetectionNeverPairsAnUnmanagedTable() {
        // Without the filter, these would be renames: batch_jobs -> jobs, and old_locks -> shedlock.
        SchemaState from = schema(table("batch_jobs", "name", "status"), table("old_locks", "locked_by", "until"));
        SchemaState model = schema(table("jobs", "name", "status"), table("shedlock", "locked_by", "until"));
        assertThat(new DiffEngine(new RenameDetector()).generateDiff(from, model)).hasOnlyElementsOfType(RenameTable.class);

        List<Operation> ops = generate(from, model);
        assertThat(ops).noneMatch(op -> op instanceof RenameTable);
        assertThat(ops).containsExactlyInAnyOrder(new CreateTable(table("jobs", "name", "status")),
                new DropTable("old_locks", table("old_locks", "locked_by", "until")));
    }

    @Test
    void aManagedTableMayReferenceAnUnmanagedOneTheStartHas() {
        SchemaState from = schema(table("batch_job", "name"));
        List<Operation> ops = generate(from, schema(referencing("job_notes", "batch_job")));
        assertThat(ops).containsExactly(new CreateTable(referencing("job_notes", "batch_job")));
        assertThat(ops.get(0).applyTo(from).tables()).containsOnlyKeys("batch_job", "job_notes");
    }

    @Test
    void aReferenceToAnUnmanagedTableNoMigrationCreatesIsRefused() {
        assertThatThrownBy(() -> generate(SchemaState.empty(), schema(table("batch_job"), referencing("job_notes", "batch_job"))))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("job_notes").hasMessageContaining("batch_job").hasMessageContaining("unmanaged");
    }

    @Test
    void comparisonIgnoresUnmanagedTablesOnBothSides() {
        SchemaState expected = schema(table("customers"), table("batch_job", "name"));
        // The database: batch_job changed by its tool, shedlock made by another, an unexpected managed table.
        SchemaState live = schema(table("customers"), table("batch_job", "name", "version"), table("shedlock"),
                table("scratch"));
        UnmanagedTables.Sides sides = UnmanagedTables.forComparison(UNMANAGED, expected, live);
        assertThat(new DiffEngine(new RenameDetector(0.8, false, 10, false)).generateDiff(sides.from(), sides.to()))
                .containsExactly(new CreateTable(table("scratch")));
        // Missing from the database is no drift either.
        sides = UnmanagedTables.forComparison(UNMANAGED, expected, schema(table("customers")));
        assertThat(new DiffEngine().generateDiff(sides.from(), sides.to())).isEmpty();
    }

    @Test
    void comparisonKeepsAnUnmanagedTableAManagedOneReferences() {
        SchemaState live = schema(table("batch_job"), referencing("job_notes", "batch_job"));
        UnmanagedTables.Sides sides = UnmanagedTables.forComparison(UNMANAGED, SchemaState.empty(), live);
        assertThat(new DiffEngine().generateDiff(sides.from(), sides.to()))
                .containsExactly(new CreateTable(referencing("job_notes", "batch_job")));
    }

    @Test
    void noFilterChangesNothing() {
        SchemaState from = schema(table("batch_job"));
        SchemaState to = schema(table("customers"));
        UnmanagedTables.Sides sides = UnmanagedTables.forGeneration(TableFilter.none(), from, to);
        assertThat(sides.from()).isSameAs(from);
        assertThat(sides.to()).isSameAs(to);
    }
}
