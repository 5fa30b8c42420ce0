package dev.covet.migrations.internal.squash;

import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.AddForeignKey;
import dev.covet.migrations.operation.AddIndex;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropIndex;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.operation.RunJava;
import dev.covet.migrations.operation.RunSql;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shortens an operation list without changing the schema it produces, in the manner of Django's optimizer:
 * each operation is compared with the later ones it can "see" (those between touch none of the same tables and
 * are not barriers), and pairs fold into one or none:
 * <ul>
 *   <li>CREATE_TABLE + any change to that table → one CREATE_TABLE with the final shape; + RENAME_TABLE →
 *       CREATE_TABLE under the new name; + DROP_TABLE → nothing;</li>
 *   <li>ADD_COLUMN + ALTER_COLUMN → ADD_COLUMN with the final definition; + RENAME_COLUMN → ADD_COLUMN under
 *       the new name; + DROP_COLUMN → nothing;</li>
 *   <li>ALTER_COLUMN + ALTER_COLUMN → one ALTER_COLUMN; ALTER_COLUMN + DROP_COLUMN → DROP_COLUMN;</li>
 *   <li>ADD_INDEX + DROP_INDEX of it → nothing; renames of renames → one rename (or none, when back to the
 *       original name).</li>
 * </ul>
 * An added column or index also sees past later changes of the same table that leave it alone (other columns,
 * other indexes), so a column or index that lived and died among other changes of its table disappears too.
 * A CREATE_TABLE's foreign keys pin the tables and columns they reference: a rename or drop of those, or of a
 * column a key names, does not move before it; other changes of a referenced table (an added column, an index)
 * do, so they still fold into that table's own CREATE_TABLE.
 * RUN_SQL and RUN_JAVA are barriers nothing moves past, unless marked {@code elidable}: those are dropped, as
 * a squash is allowed to lose them (they exist for one-off data fixes).
 */
public final class OperationOptimizer {

    /** The optimized list; the input is not changed. */
    public List<Operation> optimize(List<Operation> operations) {
        List<Operation> ops = new ArrayList<>();
        for (Operation op : operations) {
            if (!isElidable(op)) {
                ops.add(op);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = pass(ops);
        }
        return List.copyOf(ops);
    }

    private static boolean pass(List<Operation> ops) {
        for (int i = 0; i < ops.size(); i++) {
            Operation first = ops.get(i);
            if (isBarrier(first)) {
                continue;
            }
            Between between = new Between();
            for (int j = i + 1; j < ops.size(); j++) {
                Operation second = ops.get(j);
                if (isBarrier(second)) {
                    break;
                }
                // Folding moves the second operation back to the first: it must be independent of all between.
                if (between.allIndependentOf(second)) {
                    Optional<List<Operation>> reduced = reduce(first, second);
                    if (reduced.isPresent()) {
                        ops.remove(j);
                        ops.remove(i);
                        ops.addAll(i, reduced.get());
                        return true;
                    }
                }
                if (!independent(first, second)) {
                    if (leavesAlone(first, second)) {
                        // The only operations that fold with the first one are about its column or index: they
                        // can move back past this one, so it joins no "between" set.
                        continue;
                    }
                    if (!onlyReferences(second, touched(first))) {
                        break;
                    }
                    // A table created with a key to the first one's table stays after it, but later changes of
                    // the first table that leave the key alone may still move back past it: keep looking.
                }
                between.add(second);
            }
        }
        return false;
    }

    /** The operations a later one would have to move back past, indexed by the tables they touch. */
    private static final class Between {
        private final Map<String, List<Operation>> byTable = new HashMap<>();

        void add(Operation op) {
            for (String table : touched(op)) {
                byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(op);
            }
        }

        boolean allIndependentOf(Operation op) {
            for (String table : touched(op)) {
                for (Operation other : byTable.getOrDefault(table, List.of())) {
                    if (!independent(other, op)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /**
     * Whether the two operations can swap places: they touch no table in common, or every table they share is
     * one that a CREATE_TABLE only references through a foreign key while the other operation either references
     * it too or changes nothing that key names (adding a column or an index to the referenced table, say). Without
     * this, every later change of a popular table would stop at the first table that references it, and a
     * squash would keep most ADD_COLUMNs instead of folding them into their CREATE_TABLE.
     */
    static boolean independent(Operation a, Operation b) {
        Set<String> ta = touched(a);
        Set<String> tb = touched(b);
        for (String table : tb) {
            if (ta.contains(table) && !sharedOnlyByReference(a, b, table) && !sharedOnlyByReference(b, a, table)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code op} is a CREATE_TABLE whose share in {@code tables} is only tables its foreign keys reference. */
    private static boolean onlyReferences(Operation op, Set<String> tables) {
        if (!(op instanceof CreateTable create)) {
            return false;
        }
        for (String table : tables) {
            if (create.tables().contains(table)) {
                return false;
            }
        }
        return true;
    }

    /** {@code referencing} only references {@code table}, and {@code other} only references it too or leaves the keys alone. */
    private static boolean sharedOnlyByReference(Operation referencing, Operation other, String table) {
        if (!(referencing instanceof CreateTable create) || create.tables().contains(table)) {
            return false;
        }
        Set<String> keyColumns = new HashSet<>();
        for (ForeignKeySchema fk : create.table().foreignKeys()) {
            if (fk.referencedTable().equals(table)) {
                keyColumns.addAll(fk.referencedColumns());
            }
        }
        if (keyColumns.isEmpty()) {
            return false;
        }
        if (other instanceof CreateTable otherCreate) {
            return !otherCreate.tables().contains(table);
        }
        if (!other.tables().equals(Set.of(table))) {
            return false;
        }
        return other instanceof AddColumn
                || other instanceof AddIndex
                || (other instanceof AlterColumn alter && !keyColumns.contains(alter.column().name()))
                || (other instanceof DropColumn drop && !keyColumns.contains(drop.column()))
                || (other instanceof RenameColumn rename && !keyColumns.contains(rename.column()))
                // The index a key relies on (the referenced columns' unique index) must exist when the key is made.
                || (other instanceof DropIndex drop && drop.previous() != null
                        && Collections.disjoint(drop.previous().columns(), keyColumns));
    }

    /** What the two operations fold into, or empty when they do not fold. */
    static Optional<List<Operation>> reduce(Operation a, Operation b) {
        if (a instanceof CreateTable create) {
            return reduceCreate(create, b);
        }
        if (a instanceof AddColumn add && b.tables().equals(Set.of(add.table()))) {
            // A value for existing rows belongs to the added definition: folding a later change in could make it
            // wrong for the new type, so such a pair stays as written.
            if (b instanceof AlterColumn alter && alter.column().name().equals(add.column().name())
                    && add.fillExistingRows() == null) {
                return Optional.of(List.of(new AddColumn(add.table(), alter.column())));
            }
            if (b instanceof RenameColumn rename && rename.column().equals(add.column().name())) {
                return Optional.of(List.of(new AddColumn(add.table(), add.column().withName(rename.newName()),
                        add.fillExistingRows())));
            }
            if (b instanceof DropColumn drop && drop.column().equals(add.column().name())) {
                return Optional.of(List.of());
            }
        }
        if (a instanceof AlterColumn first && b.tables().equals(Set.of(first.table()))) {
            // Values for NULL rows stay with the change that needs them: such a pair is left as written.
            if (b instanceof AlterColumn second && second.column().name().equals(first.column().name())
                    && first.fillNullRows() == null && second.fillNullRows() == null) {
                return Optional.of(List.of(new AlterColumn(first.table(), second.column(), first.previous())));
            }
            if (b instanceof DropColumn drop && drop.column().equals(first.column().name())) {
                return Optional.of(List.of(new DropColumn(drop.table(), drop.column(), first.previous(), drop.backup())));
            }
        }
        if (a instanceof AddIndex add && b instanceof DropIndex drop
                && add.table().equals(drop.table()) && add.index().name().equals(drop.index())) {
            return Optional.of(List.of());
        }
        if (a instanceof RenameColumn r1 && b instanceof RenameColumn r2
                && r1.table().equals(r2.table()) && r1.newName().equals(r2.column())) {
            return Optional.of(r1.column().equals(r2.newName()) ? List.of()
                    : List.of(new RenameColumn(r1.table(), r1.column(), r2.newName())));
        }
        if (a instanceof RenameTable t1 && b instanceof RenameTable t2 && t1.newName().equals(t2.table())) {
            return Optional.of(t1.table().equals(t2.newName()) ? List.of() : List.of(new RenameTable(t1.table(), t2.newName())));
        }
        return Optional.empty();
    }

    private static Optional<List<Operation>> reduceCreate(CreateTable create, Operation b) {
        TableSchema table = create.table();
        if (b instanceof DropTable drop && drop.table().equals(table.name())) {
            return Optional.of(List.of());
        }
        if (b instanceof RenameTable rename && rename.table().equals(table.name())) {
            return Optional.of(List.of(new CreateTable(table.withName(rename.newName()))));
        }
        if (b instanceof AddForeignKey fk && fk.table().equals(table.name())) {
            List<ForeignKeySchema> fks = new ArrayList<>(table.foreignKeys());
            fks.add(fk.foreignKey());
            return Optional.of(List.of(new CreateTable(table.withForeignKeys(fks))));
        }
        if (b instanceof RunSql || b instanceof RunJava || b instanceof DropTable || b instanceof RenameTable
                || !b.tables().equals(Set.of(table.name()))) {
            return Optional.empty();
        }
        try {
            TableSchema after = b.applyTo(SchemaState.of(List.of(table))).requireTable(table.name());
            return Optional.of(List.of(new CreateTable(after)));
        } catch (SchemaException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code op}, on the same table, neither uses nor changes what {@code first} adds: an added index is
     * left alone by column changes that keep its columns and by other indexes; an added column by changes of
     * other columns and by indexes without it. (A DROP_INDEX of an index on the added column would need an
     * ADD_INDEX in between first, which stops the scan.)
     */
    private static boolean leavesAlone(Operation first, Operation op) {
        if (!op.tables().equals(first.tables())) {
            return false;
        }
        if (first instanceof AddIndex add) {
            List<String> columns = add.index().columns();
            // A partial index's WHERE may name any column: then only column changes that remove or rename none pass.
            boolean partial = add.index().where() != null;
            return op instanceof AddColumn || op instanceof AlterColumn
                    || (op instanceof DropColumn d && !partial && !columns.contains(d.column()))
                    || (op instanceof RenameColumn r && !partial && !columns.contains(r.column()) && !columns.contains(r.newName()))
                    || (op instanceof AddIndex other && !other.index().name().equals(add.index().name()))
                    || (op instanceof DropIndex dropped && !dropped.index().equals(add.index().name()));
        }
        if (first instanceof AddColumn add) {
            String column = add.column().name();
            return (op instanceof AddColumn other && !other.column().name().equals(column))
                    || (op instanceof AlterColumn altered && !altered.column().name().equals(column))
                    || (op instanceof DropColumn d && !d.column().equals(column))
                    || (op instanceof RenameColumn r && !r.column().equals(column) && !r.newName().equals(column))
                    || (op instanceof AddIndex index && index.index().where() == null && !index.index().columns().contains(column))
                    || op instanceof DropIndex;
        }
        return false;
    }

    /**
     * The tables an operation depends on or changes. A created table's foreign keys name other tables: a rename
     * of those (or of their columns) must not move before the CREATE_TABLE, whose keys name them as they were.
     */
    private static Set<String> touched(Operation op) {
        if (op instanceof CreateTable create && !create.table().foreignKeys().isEmpty()) {
            Set<String> tables = new HashSet<>(op.tables());
            create.table().foreignKeys().forEach(fk -> tables.add(fk.referencedTable()));
            return tables;
        }
        return op.tables();
    }

    private static boolean isBarrier(Operation op) {
        return op instanceof RunSql || op instanceof RunJava;
    }

    private static boolean isElidable(Operation op) {
        return (op instanceof RunSql sql && sql.elidable()) || (op instanceof RunJava java && java.elidable());
    }
}
