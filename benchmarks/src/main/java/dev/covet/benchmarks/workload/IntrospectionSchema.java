package dev.covet.benchmarks.workload;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema the introspection scenario reads: {@code tables} tables of 10 columns each (a primary key, an index,
 * defaults, and on every other table a foreign key to the table before it).
 */
public final class IntrospectionSchema {

    private IntrospectionSchema() {
    }

    /** The DDL, rendered for the dialect, in creation order. */
    public static List<String> ddl(int tables, Dialect dialect) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= tables; i++) {
            out.addAll(dialect.render(new CreateTable(table(i)), SchemaState.empty()));
        }
        return out;
    }

    static TableSchema table(int i) {
        String name = String.format("s%04d", i);
        List<ColumnSchema> columns = new ArrayList<>(List.of(
                ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT)).notNull().asPrimaryKey(),
                ColumnSchema.of("name", ColumnType.varchar(100)).notNull().withDefault(new ColumnDefault.Literal("")),
                ColumnSchema.of("code", ColumnType.varchar(20)),
                ColumnSchema.of("qty", ColumnType.of(ColumnType.Kind.INTEGER)).notNull().withDefault(new ColumnDefault.Literal(0)),
                ColumnSchema.of("price", ColumnType.decimal(10, 2)),
                ColumnSchema.of("active", ColumnType.of(ColumnType.Kind.BOOLEAN)),
                ColumnSchema.of("created_at", ColumnType.of(ColumnType.Kind.TIMESTAMP)),
                ColumnSchema.of("note", ColumnType.of(ColumnType.Kind.TEXT)),
                ColumnSchema.of("total", ColumnType.of(ColumnType.Kind.BIGINT))));
        List<ForeignKeySchema> fks = new ArrayList<>();
        if (i > 1 && i % 2 == 0) {
            String parent = String.format("s%04d", i - 1);
            columns.add(ColumnSchema.of("parent_id", ColumnType.of(ColumnType.Kind.BIGINT)));
            fks.add(new ForeignKeySchema("fk_" + name + "_parent", List.of("parent_id"), parent, List.of("id"), null, null));
        } else {
            columns.add(ColumnSchema.of("ref", ColumnType.of(ColumnType.Kind.BIGINT)));
        }
        return new TableSchema(name, columns, List.of("id"),
                List.of(new IndexSchema("ix_" + name + "_code", List.of("code"), false, null)), fks, List.of());
    }
}
