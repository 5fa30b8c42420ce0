package dev.covet.migrations.internal.diff;

import dev.covet.migrations.internal.introspect.NativeAttributes;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.MappingDefaults;
import dev.covet.migrations.schema.Names;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a database chose by itself and the entities only name by convention: a foreign key the entities leave
 * unnamed (read as {@code fk_<table>_<columns>}) that the database already has, identical but for Hibernate's
 * hash name, and a composite primary key with the same columns in another order. Changing either would drop and
 * re-create a key over every row for nothing the application can see (and a key's column order is its index's
 * order, which the database's own order may rely on), so generation keeps what the current schema has and says so
 * in a note. A foreign key the entities name explicitly is not kept: renaming it is what was asked for.
 *
 * <p>The same holds for what a database Hibernate's {@code ddl-auto=create} made holds by Hibernate's or the
 * database's choice: unique keys and CHECKs under the database's names, CHECKs the database reworded, the CHECKs
 * Hibernate derives from an enum or a discriminator (known from {@link MappingDefaults}, with their values: other
 * values are a change), MySQL's {@code enum(...)} column of exactly an enum's constants, and SQLite's plain
 * {@code INTEGER PRIMARY KEY} for an auto-increment id.
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
        return keep(current, target, MappingDefaults.NONE, false);
    }

    /**
     * @param current the schema as it stands (what the migrations project)
     * @param target the schema wanted
     * @param defaults what the entity mapper makes by itself beside the target ({@link SchemaState#mappingDefaults()})
     * @param rowidKeys whether a plain {@code INTEGER PRIMARY KEY} is assigned by the database (SQLite's rowid)
     */
    public static Kept keep(SchemaState current, SchemaState target, MappingDefaults defaults, boolean rowidKeys) {
        List<String> notes = new ArrayList<>();
        List<TableSchema> tables = new ArrayList<>();
        boolean changed = false;
        for (TableSchema wanted : target.tables().values()) {
            TableSchema kept = current.table(wanted.name()).map(existing -> keep(existing, wanted, defaults, rowidKeys, notes))
                    .orElse(wanted);
            changed |= kept != wanted;
            tables.add(kept);
        }
        return new Kept(changed ? SchemaState.of(tables) : target, notes);
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
            ForeignKeySchema kept = has == null ? key
                    : key.withActions(restrictKept(key.onDelete(), has.onDelete()), restrictKept(key.onUpdate(), has.onUpdate()));
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

    private static TableSchema keep(TableSchema existing, TableSchema wanted, MappingDefaults defaults, boolean rowidKeys,
                                    List<String> notes) {
        TableSchema kept = keepForeignKeyNames(existing, keepPrimaryKeyOrder(existing, wanted, notes), notes);
        kept = keepRestrict(existing, kept, notes);
        kept = keepUniqueKeyNames(existing, kept, notes);
        kept = keepChecks(existing, kept, defaults.checks(wanted.name()), notes);
        kept = keepEnumColumns(existing, kept, defaults, notes);
        kept = keepColumnAttributes(existing, kept, notes);
        return rowidKeys ? keepRowidKey(existing, kept, notes) : kept;
    }

    /**
     * A multi-column UNIQUE key the entities leave unnamed ({@code uk_<table>_<columns>}) that the database has
     * under a name of its own, as a constraint ({@code <table>_<columns>_key} on PostgreSQL) or a unique index
     * (Hibernate's {@code UK...} on MySQL).
     */
    private static TableSchema keepUniqueKeyNames(TableSchema existing, TableSchema wanted, List<String> notes) {
        List<ConstraintSchema> constraints = new ArrayList<>();
        List<IndexSchema> indexes = new ArrayList<>(wanted.indexes());
        Set<String> taken = new HashSet<>();
        boolean changed = false;
        for (ConstraintSchema key : wanted.constraints()) {
            if (key.kind() != ConstraintSchema.Kind.UNIQUE || existing.constraint(key.name()).isPresent()
                    || !key.name().equals(Names.bounded("uk_" + wanted.name() + "_" + String.join("_", key.columns())))) {
                constraints.add(key);
                continue;
            }
            Optional<ConstraintSchema> constraint = existing.constraints().stream()
                    .filter(c -> c.kind() == ConstraintSchema.Kind.UNIQUE && c.columns().equals(key.columns()))
                    .filter(c -> wanted.constraint(c.name()).isEmpty() && wanted.index(c.name()).isEmpty() && taken.add(c.name()))
                    .findFirst();
            Optional<IndexSchema> index = constraint.isPresent() ? Optional.empty() : existing.indexes().stream()
                    .filter(i -> i.unique() && i.where() == null && i.columns().equals(key.columns()))
                    .filter(i -> wanted.index(i.name()).isEmpty() && wanted.constraint(i.name()).isEmpty() && taken.add(i.name()))
                    .findFirst();
            if (constraint.isPresent()) {
                constraints.add(constraint.get());
            } else if (index.isPresent()) {
                indexes.add(index.get());
            } else {
                constraints.add(key);
                continue;
            }
            String kept = constraint.map(ConstraintSchema::name).orElseGet(() -> index.get().name());
            notes.add("unique key " + wanted.name() + "." + key.name() + ": kept as " + kept
                    + ", the name the database has (same columns)");
            changed = true;
        }
        return changed ? wanted.withConstraints(constraints).withIndexes(indexes) : wanted;
    }

    /**
     * CHECKs: one the entities declare that the database has reworded ({@code price >= (0)::numeric}) or, unnamed
     * in the entities, holds under a name of its own ({@code <table>_<column>_check}, {@code CONSTRAINT_1}); and
     * one the database has that Hibernate derives by itself (an enum's values, an ordinal's range, a
     * discriminator's values: {@code derived}) and the entities therefore do not list. Each is the same check
     * ({@link SameChecks}); a check whose values differ (an enum that gained a constant) is a change.
     */
    private static TableSchema keepChecks(TableSchema existing, TableSchema wanted, List<String> derived, List<String> notes) {
        List<ConstraintSchema> constraints = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        boolean changed = false;
        for (ConstraintSchema check : wanted.constraints()) {
            if (check.kind() != ConstraintSchema.Kind.CHECK) {
                constraints.add(check);
                continue;
            }
            Optional<ConstraintSchema> sameName = existing.constraint(check.name())
                    .filter(c -> c.kind() == ConstraintSchema.Kind.CHECK);
            Optional<ConstraintSchema> same = sameName.isPresent()
                    ? sameName.filter(c -> !c.expression().equals(check.expression()) && SameChecks.same(c.expression(), check.expression()))
                    : !conventionalCheckName(wanted, check) ? Optional.empty() : existing.constraints().stream()
                            .filter(c -> c.kind() == ConstraintSchema.Kind.CHECK && wanted.constraint(c.name()).isEmpty()
                                    && !taken.contains(c.name()) && SameChecks.same(c.expression(), check.expression()))
                            .findFirst();
            if (same.isPresent()) {
                taken.add(same.get().name());
                constraints.add(same.get());
                notes.add("check " + wanted.name() + "." + check.name() + ": kept as " + same.get().name() + " ("
                        + same.get().expression() + "), as the database has it (the same check)");
                changed = true;
            } else {
                constraints.add(check);
            }
        }
        for (ConstraintSchema check : existing.constraints()) {
            if (check.kind() == ConstraintSchema.Kind.CHECK && wanted.constraint(check.name()).isEmpty()
                    && !taken.contains(check.name())
                    && derived.stream().anyMatch(d -> SameChecks.same(check.expression(), d))) {
                taken.add(check.name());
                constraints.add(check);
                notes.add("check " + wanted.name() + "." + check.name() + ": kept (" + check.expression()
                        + "), the check Hibernate makes by itself for the entities' mapping");
                changed = true;
            }
        }
        return changed ? wanted.withConstraints(constraints) : wanted;
    }

    /** Whether the check has a name the entity reader gives a check the entities leave unnamed. */
    private static boolean conventionalCheckName(TableSchema table, ConstraintSchema check) {
        if (check.name().equals(Names.tableCheckName(table.name(), check.expression()))) {
            return true;
        }
        for (ColumnSchema column : table.columns()) {
            for (int i = 1; i <= 9; i++) {
                if (check.name().equals(Names.columnCheckName(table.name(), column.name(), i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A text column mapping an enum that the database holds as MySQL's native {@code enum(...)} of exactly the
     * enum's constants: what Hibernate's MySQL dialects create for it. Other values (a constant added since) are a
     * change.
     */
    private static TableSchema keepEnumColumns(TableSchema existing, TableSchema wanted, MappingDefaults defaults,
                                               List<String> notes) {
        TableSchema result = wanted;
        for (ColumnSchema column : wanted.columns()) {
            List<String> constants = defaults.enumConstants(wanted.name(), column.name());
            ColumnSchema old = existing.column(column.name()).orElse(null);
            if (constants.isEmpty() || old == null || !column.type().kind().isText()
                    || old.type().kind() != ColumnType.Kind.NATIVE) {
                continue;
            }
            List<String> values = "mysql".equals(old.type().dialect()) ? nativeEnumValues(old.type().nativeSql()) : null;
            if (values == null || !new HashSet<>(values).equals(new HashSet<>(constants)) || values.size() != constants.size()) {
                continue;
            }
            result = result.mapColumn(column.name(), c -> c.withType(old.type()));
            notes.add("column " + wanted.name() + "." + column.name() + ": kept as " + old.type()
                    + ", the enum column the database has for the enum's constants");
        }
        return result;
    }

    /**
     * A column the database has as its own type because of what only the column says (a generation expression, a
     * collation, ON UPDATE CURRENT_TIMESTAMP), where the entities have the same portable type: they cannot say those,
     * so they are kept rather than altered away (which would turn a generated column into a plain one, or change how
     * its text compares).
     */
    private static TableSchema keepColumnAttributes(TableSchema existing, TableSchema wanted, List<String> notes) {
        TableSchema result = wanted;
        for (ColumnSchema column : wanted.columns()) {
            ColumnSchema old = existing.column(column.name()).orElse(null);
            if (old == null || column.type().isNative()) {
                continue;
            }
            Optional<NativeAttributes.Split> split = NativeAttributes.split(old.type());
            if (split.isPresent() && split.get().portable().equals(column.type())) {
                result = result.mapColumn(column.name(), c -> c.withType(old.type()));
                notes.add("column " + wanted.name() + "." + column.name() + ": " + split.get().attributes()
                        + " kept, as the database has it; the entities cannot say it");
            }
        }
        return result;
    }

    private static final Pattern NATIVE_ENUM = Pattern.compile("enum\\s*\\((.*)\\)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|''|\\\\.)*)'");

    /** The values of MySQL's {@code enum('A','B')}, or null for another type. */
    static List<String> nativeEnumValues(String type) {
        Matcher m = NATIVE_ENUM.matcher(type.strip());
        if (!m.matches()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        Matcher q = QUOTED.matcher(m.group(1));
        while (q.find()) {
            values.add(q.group(1).replace("''", "'"));
        }
        return values;
    }

    /**
     * An auto-increment integer key the database holds as a plain {@code INTEGER PRIMARY KEY}, as Hibernate's SQLite
     * dialect creates it (without {@code AUTOINCREMENT}): SQLite assigns it all the same (the rowid), and rebuilding
     * the table to add the keyword would only stop the ids of deleted last rows being handed out again.
     */
    private static TableSchema keepRowidKey(TableSchema existing, TableSchema wanted, List<String> notes) {
        if (wanted.primaryKey().size() != 1 || !existing.primaryKey().equals(wanted.primaryKey())) {
            return wanted;
        }
        String key = wanted.primaryKey().get(0);
        ColumnSchema column = wanted.column(key).orElse(null);
        ColumnSchema old = existing.column(key).orElse(null);
        if (column == null || old == null || !column.autoIncrement() || old.autoIncrement()
                || !column.type().kind().isInteger() || old.type().kind() != ColumnType.Kind.INTEGER) {
            return wanted;
        }
        notes.add("primary key " + wanted.name() + "." + key + ": kept as INTEGER PRIMARY KEY without AUTOINCREMENT,"
                + " as the database has it (SQLite assigns it all the same)");
        return wanted.mapColumn(key, c -> old);
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
