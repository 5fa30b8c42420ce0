package dev.covet.migrations.internal.diff;

import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableFilter;
import dev.covet.migrations.schema.TableSchema;

/**
 * Prepares the two sides of a {@link DiffEngine} comparison so that it leaves unmanaged tables ({@link TableFilter})
 * alone. They are not simply removed: a managed table's foreign key may reference one, and the diff and the
 * projection need the referenced table to exist. Instead each unmanaged table gets the same definition on both
 * sides (the starting side's), so no operation creates, changes, renames or drops it, and rename detection never
 * sees it as dropped or created.
 */
public final class UnmanagedTables {

    private UnmanagedTables() {
    }

    /**
     * The two sides of a comparison.
     *
     * @param from the starting schema
     * @param to the target schema
     */
    public record Sides(SchemaState from, SchemaState to) {
    }

    /**
     * For generating a migration: the target with unmanaged tables as the start has them (absent when it has
     * none). The start is unchanged: it is what the migration files project.
     *
     * @throws SchemaException when a managed table of the target references an unmanaged table the start does not
     *         have: a generated migration could not create that foreign key
     */
    public static Sides forGeneration(TableFilter unmanaged, SchemaState from, SchemaState to) {
        if (unmanaged.isEmpty()) {
            return new Sides(from, to);
        }
        SchemaState target = pinned(unmanaged, from, to);
        for (TableSchema t : target.tables().values()) {
            for (ForeignKeySchema fk : t.foreignKeys()) {
                if (!unmanaged.matches(t.name()) && unmanaged.matches(fk.referencedTable())
                        && !from.hasTable(fk.referencedTable())) {
                    throw new SchemaException("table " + t.name() + " has foreign key " + fk.name()
                            + " to unmanaged table " + fk.referencedTable() + ", which no migration creates, so no"
                            + " generated migration can add the key: create " + fk.referencedTable()
                            + " in a migration written by hand, or stop listing it as unmanaged");
                }
            }
        }
        return new Sides(from, target);
    }

    /**
     * For comparing (drift): both sides with unmanaged tables as the start has them. An unmanaged table only the
     * target has is left out, unless a managed table of the target references it: then it is on both sides as the
     * target has it, so that reference is compared like any other.
     */
    public static Sides forComparison(TableFilter unmanaged, SchemaState from, SchemaState to) {
        if (unmanaged.isEmpty()) {
            return new Sides(from, to);
        }
        SchemaState start = from;
        for (TableSchema t : to.tables().values()) {
            for (ForeignKeySchema fk : t.foreignKeys()) {
                String referenced = fk.referencedTable();
                if (!unmanaged.matches(t.name()) && unmanaged.matches(referenced) && !start.hasTable(referenced)
                        && to.hasTable(referenced)) {
                    start = start.withTable(to.requireTable(referenced));
                }
            }
        }
        return new Sides(start, pinned(unmanaged, start, to));
    }

    /** The target with every unmanaged table replaced by the start's definition, or removed when the start has none. */
    private static SchemaState pinned(TableFilter unmanaged, SchemaState from, SchemaState to) {
        SchemaState target = to;
        for (String name : to.tables().keySet()) {
            if (unmanaged.matches(name) && !from.hasTable(name)) {
                target = target.withoutTable(name);
            }
        }
        for (TableSchema t : from.tables().values()) {
            if (unmanaged.matches(t.name())) {
                target = target.withTable(t);
            }
        }
        return target;
    }
}
