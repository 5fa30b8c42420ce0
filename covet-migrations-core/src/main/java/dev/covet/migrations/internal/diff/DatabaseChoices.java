package dev.covet.migrations.internal.diff;

import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.Names;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a database chose by itself and the entities only name by convention: a foreign key the entities leave
 * unnamed (read as {@code fk_<table>_<columns>}) that the database already has, identical but for Hibernate's
 * hash name, and a composite primary key with the same columns in another order. Changing either would drop and
 * re-create a key over every row for nothing the application can see (and a key's column order is its index's
 * order, which the database's own order may rely on), so generation keeps what the current schema has and says so
 * in a note. A foreign key the entities name explicitly is not kept: renaming it is what was asked for.
 */
public final class DatabaseChoices {

    /**
     * The target with the current schema's choices kept.
     *
     * @param target the schema wanted, with those choices taken from the current schema
     * @param notes one line for each thing kept, for the command's output and the written file's header
     */
    public record Kept(SchemaState target, List<String> notes) {
        public Kept {
            notes = List.copyOf(notes);
        }
    }

    private DatabaseChoices() {
    }

    /**
     * @param current the schema as it stands (what the migrations project)
     * @param target the schema wanted
     */
    public static Kept keep(SchemaState current, SchemaState target) {
        List<String> notes = new ArrayList<>();
        List<TableSchema> tables = new ArrayList<>();
        boolean changed = false;
        for (TableSchema wanted : target.tables().values()) {
            TableSchema kept = current.table(wanted.name()).map(existing -> keep(existing, wanted, notes)).orElse(wanted);
            changed |= kept != wanted;
            tables.add(kept);
        }
        return new Kept(changed ? SchemaState.of(tables) : target, notes);
    }

    private static TableSchema keep(TableSchema existing, TableSchema wanted, List<String> notes) {
        return keepRestrict(existing, keepForeignKeyNames(existing, keepPrimaryKeyOrder(existing, wanted, notes), notes), notes);
    }

    /**
     * A key the entities give no action where the database has RESTRICT (an adopted database; JPA rarely says
     * anything about deletes): the entities do not ask for NO ACTION, so RESTRICT is kept rather than re-created.
     */
    private static TableSchema keepRestrict(TableSchema existing, TableSchema wanted, List<String> notes) {
        List<ForeignKeySchema> keys = new ArrayList<>();
        boolean changed = false;
        for (ForeignKeySchema key : wanted.foreignKeys()) {
            ForeignKeySchema has = existing.foreignKey(key.name()).orElse(null);
            ForeignKeySchema kept = has == null ? key : new ForeignKeySchema(key.name(), key.columns(), key.referencedTable(),
                    key.referencedColumns(), restrictKept(key.onDelete(), has.onDelete()), restrictKept(key.onUpdate(), has.onUpdate()));
            if (!kept.equals(key) && kept.equals(has)) {
                notes.add("foreign key " + wanted.name() + "." + key.name() + ": RESTRICT kept, as the database has it;"
                        + " the entities name no action");
                keys.add(kept);
                changed = true;
            } else {
                keys.add(key);
            }
        }
        return changed ? wanted.withForeignKeys(keys) : wanted;
    }

    private static String restrictKept(String wanted, String has) {
        return wanted == null && "RESTRICT".equals(has) ? has : wanted;
    }

    private static TableSchema keepPrimaryKeyOrder(TableSchema existing, TableSchema wanted, List<String> notes) {
        List<String> has = existing.primaryKey();
        List<String> wants = wanted.primaryKey();
        if (has.equals(wants) || has.size() != wants.size() || !new HashSet<>(has).equals(new HashSet<>(wants))) {
            return wanted;
        }
        notes.add("primary key of " + wanted.name() + ": kept as (" + String.join(", ", has)
                + "), the order the database has; the entities list (" + String.join(", ", wants) + ")");
        return wanted.withPrimaryKey(has);
    }

    private static TableSchema keepForeignKeyNames(TableSchema existing, TableSchema wanted, List<String> notes) {
        List<ForeignKeySchema> keys = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        boolean changed = false;
        for (ForeignKeySchema key : wanted.foreignKeys()) {
            Optional<ForeignKeySchema> same = existing.foreignKey(key.name()).isPresent() || !conventionalName(wanted, key)
                    ? Optional.empty()
                    : existing.foreignKeys().stream()
                            .filter(e -> wanted.foreignKey(e.name()).isEmpty() && !taken.contains(e.name()))
                            .filter(e -> e.equals(withName(key, e.name()))).findFirst();
            if (same.isPresent()) {
                taken.add(same.get().name());
                keys.add(same.get());
                notes.add("foreign key " + wanted.name() + "." + key.name() + ": kept as " + same.get().name()
                        + ", the name the database has (same columns, target and actions)");
                changed = true;
            } else {
                keys.add(key);
            }
        }
        return changed ? wanted.withForeignKeys(keys) : wanted;
    }

    /** Whether the key has the name the entity reader gives a key the entities leave unnamed. */
    private static boolean conventionalName(TableSchema table, ForeignKeySchema key) {
        return key.name().equals(Names.foreignKeyName(table.name(), key.columns()));
    }

    private static ForeignKeySchema withName(ForeignKeySchema key, String name) {
        return new ForeignKeySchema(name, key.columns(), key.referencedTable(), key.referencedColumns(), key.onDelete(), key.onUpdate());
    }
}
