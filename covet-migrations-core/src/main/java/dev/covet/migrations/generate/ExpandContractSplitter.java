package dev.covet.migrations.generate;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.DialectSql;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropConstraint;
import dev.covet.migrations.operation.DropForeignKey;
import dev.covet.migrations.operation.DropIndex;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.operation.RunSql;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rewrites generated operations as a zero-downtime pair: an expand step the old code tolerates, and a
 * contract step applied once every instance runs the new code.
 * <ul>
 *   <li>A column rename becomes: expand — add the new column (nullable) and copy the values; contract — copy
 *       what old code wrote since, restore NOT NULL, drop the old column.</li>
 *   <li>A column type change becomes: expand — add a shadow column {@code <column>_new} of the new type and
 *       copy (the database converts on assignment, so this suits widening changes); contract — copy again,
 *       drop the old column, rename the shadow into place, restore NOT NULL.</li>
 *   <li>A table rename becomes: expand — rename, and a view under the old name for old code (simple views
 *       are updatable on PostgreSQL and MySQL; read-only on SQLite); contract — drop the view.</li>
 *   <li>Drops and new NOT NULL constraints go to contract; everything else (additions) to expand.</li>
 * </ul>
 * Columns that are keys, unique, auto-increment or used by an index, foreign key or constraint cannot be
 * duplicated safely: their rename or type change stays one operation, in the contract step.
 */
public final class ExpandContractSplitter {

    /** Suffix of the shadow column a type change adds. */
    public static final String SHADOW_SUFFIX = "_new";

    private static final List<Dialect> DIALECTS = List.of(
            Dialect.forName("postgresql"), Dialect.forName("mysql"), Dialect.forName("sqlite"));

    /**
     * The two steps.
     *
     * @param expand operations for the migration applied before the new code ({@code phase: expand})
     * @param contract operations for the migration applied after it ({@code phase: contract})
     */
    public record Split(List<Operation> expand, List<Operation> contract) {
        public Split {
            expand = List.copyOf(expand);
            contract = List.copyOf(contract);
        }
    }

    /** Splits operations meant to apply on top of {@code before}. */
    public Split split(List<Operation> operations, SchemaState before) {
        List<Operation> expand = new ArrayList<>();
        List<Operation> contract = new ArrayList<>();
        SchemaState state = before;
        for (Operation op : operations) {
            if (op instanceof RenameColumn r && duplicable(state, r.table(), r.column())) {
                ColumnSchema old = column(state, r.table(), r.column());
                expand.add(new AddColumn(r.table(), old.withName(r.newName()).withNullable(true)));
                expand.add(copy(r.table(), r.newName(), r.column(), false));
                contract.add(copy(r.table(), r.newName(), r.column(), true));
                if (!old.nullable()) {
                    contract.add(new AlterColumn(r.table(), old.withName(r.newName()), old.withName(r.newName()).withNullable(true)));
                }
                contract.add(new DropColumn(r.table(), r.column(), old));
            } else if (op instanceof AlterColumn a && a.previous() != null && !a.previous().type().equals(a.column().type())
                    && duplicable(state, a.table(), a.column().name())) {
                String name = a.column().name();
                String shadow = name + SHADOW_SUFFIX;
                ColumnSchema old = column(state, a.table(), name);
                expand.add(new AddColumn(a.table(), a.column().withName(shadow).withNullable(true)));
                expand.add(copy(a.table(), shadow, name, false));
                contract.add(copy(a.table(), shadow, name, true));
                contract.add(new DropColumn(a.table(), name, old));
                contract.add(new RenameColumn(a.table(), shadow, name));
                if (!a.column().nullable()) {
                    contract.add(new AlterColumn(a.table(), a.column(), a.column().withNullable(true)));
                }
            } else if (op instanceof RenameTable r) {
                expand.add(op);
                expand.add(new RunSql(sql(d -> "CREATE VIEW " + d.quote(r.table()) + " AS SELECT * FROM " + d.quote(r.newName())),
                        sql(d -> "DROP VIEW " + d.quote(r.table())), false));
                contract.add(new RunSql(sql(d -> "DROP VIEW " + d.quote(r.table())),
                        sql(d -> "CREATE VIEW " + d.quote(r.table()) + " AS SELECT * FROM " + d.quote(r.newName())), false));
            } else if (isContraction(op)) {
                contract.add(op);
            } else {
                expand.add(op);
            }
            state = applyQuietly(op, state);
        }
        return new Split(expand, contract);
    }

    private static boolean isContraction(Operation op) {
        return op instanceof DropTable || op instanceof DropColumn || op instanceof DropIndex
                || op instanceof DropForeignKey || op instanceof DropConstraint || op instanceof RenameColumn
                || op instanceof AlterColumn a && a.previous() != null
                        && (a.previous().nullable() && !a.column().nullable() || !a.previous().type().equals(a.column().type()));
    }

    /** Whether a second copy of the column can live beside it: no key, uniqueness or reference depends on it. */
    private static boolean duplicable(SchemaState state, String table, String column) {
        TableSchema t = state.table(table).orElse(null);
        if (t == null || t.column(column).isEmpty()) {
            return false;
        }
        ColumnSchema c = t.column(column).get();
        if (c.primaryKey() || c.unique() || c.autoIncrement() || t.primaryKey().contains(column)) {
            return false;
        }
        boolean indexed = t.indexes().stream().anyMatch(i -> i.columns().contains(column));
        boolean inForeignKey = t.foreignKeys().stream().anyMatch(f -> f.columns().contains(column));
        boolean referenced = state.tables().values().stream().flatMap(o -> o.foreignKeys().stream())
                .anyMatch(f -> f.referencedTable().equals(table) && f.referencedColumns().contains(column));
        boolean constrained = t.constraints().stream().anyMatch(k -> k.columns().contains(column)
                || k.expression() != null && k.expression().contains(column));
        return !indexed && !inForeignKey && !referenced && !constrained;
    }

    private static ColumnSchema column(SchemaState state, String table, String column) {
        return state.table(table).flatMap(t -> t.column(column)).orElseThrow();
    }

    /**
     * {@code UPDATE t SET target = source}, only where target is still empty when catching up; its reverse copies
     * back the other way, so a rollback leaves the old column as the new code last wrote it.
     */
    private static RunSql copy(String table, String target, String source, boolean catchUp) {
        return new RunSql(assign(table, target, source, catchUp), assign(table, source, target, catchUp), false);
    }

    private static DialectSql assign(String table, String target, String source, boolean onlyEmpty) {
        return sql(d -> "UPDATE " + d.quote(table) + " SET " + d.quote(target) + " = " + d.quote(source)
                + (onlyEmpty ? " WHERE " + d.quote(target) + " IS NULL" : ""));
    }

    private static DialectSql sql(Function<Dialect, String> statement) {
        Map<String, List<String>> perDialect = new LinkedHashMap<>();
        for (Dialect d : DIALECTS) {
            perDialect.put(d.name(), List.of(statement.apply(d)));
        }
        return new DialectSql(List.of(), perDialect);
    }

    private static SchemaState applyQuietly(Operation op, SchemaState state) {
        try {
            return op.applyTo(state);
        } catch (SchemaException e) {
            return state;
        }
    }
}
