package dev.covet.migrations.internal.jpa;

import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.Names;
import dev.covet.migrations.schema.SchemaException;
import org.hibernate.boot.Metadata;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.type.BasicType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CHECK constraints the entities declare, table by table: Hibernate's {@code @Check} on a class or a field and
 * Jakarta Persistence's {@code @Table(check = ...)}, {@code @Column(check = ...)} (and the other annotations with a
 * {@code check} member), which Hibernate's boot model holds as the table's and the columns' check constraints.
 *
 * <p>Hibernate adds checks of its own to that model: one per enum (or other constrained type) column and one on a
 * discriminator column. Those are not declared, are worded differently per dialect, and Hibernate's schema
 * validation does not ask for them, so they are left out: the type check is recomputed the way Hibernate computes
 * it and one unnamed copy of it is removed; discriminator columns' checks are skipped.
 *
 * <p>Unnamed checks get a deterministic name ({@link Names#columnCheckName}, {@link Names#tableCheckName}) so
 * generating twice gives the same model. The expression is kept as written (trimmed); it must use column names
 * as they are in the database. The {@code options} of a Jakarta {@code @CheckConstraint} are not read.
 */
public final class DeclaredChecks {

    private final Dialect dialect;
    /** Who maps each table, for error messages: entity class names or collection roles. */
    private final Map<String, List<String>> owners = new HashMap<>();
    /** Discriminator column names by table name. */
    private final Map<String, Set<String>> discriminators = new HashMap<>();

    public DeclaredChecks(Metadata metadata) {
        this.dialect = metadata.getDatabase().getDialect();
        for (PersistentClass pc : metadata.getEntityBindings()) {
            owners.computeIfAbsent(pc.getTable().getName(), k -> new ArrayList<>()).add("entity " + pc.getClassName());
            if (pc.getDiscriminator() != null) {
                Set<String> columns = discriminators.computeIfAbsent(pc.getRootTable().getName(), k -> new HashSet<>());
                for (Selectable s : pc.getDiscriminator().getSelectables()) {
                    if (s instanceof Column c) {
                        columns.add(c.getName());
                    }
                }
            }
        }
        for (Collection collection : metadata.getCollectionBindings()) {
            owners.computeIfAbsent(collection.getCollectionTable().getName(), k -> new ArrayList<>())
                    .add("collection " + collection.getRole());
        }
    }

    /**
     * The declared checks of one table: the table's own first, in declaration order, then the columns', in column
     * order.
     *
     * @throws SchemaException when a check is blank, or two checks of the table share a name with different
     *         expressions
     */
    public List<ConstraintSchema> of(Table table) {
        String name = table.getName();
        Map<String, ConstraintSchema> checks = new LinkedHashMap<>();
        for (CheckConstraint check : table.getChecks()) {
            String expression = expression(table, null, check);
            add(table, checks, check.isNamed() ? check.getName() : Names.tableCheckName(name, expression), expression);
        }
        Set<String> skipped = discriminators.getOrDefault(name, Set.of());
        for (Column column : table.getColumns()) {
            if (skipped.contains(column.getName())) {
                continue;
            }
            int unnamed = 0;
            for (CheckConstraint check : declared(column)) {
                String expression = expression(table, column, check);
                String checkName = check.isNamed() ? check.getName() : Names.columnCheckName(name, column.getName(), ++unnamed);
                add(table, checks, checkName, expression);
            }
        }
        return List.copyOf(checks.values());
    }

    /**
     * The checks Hibernate derives by itself on a table and {@link #of} leaves out, as its create writes them: a
     * column type's (an enum's value list, an ordinal enum's range) and a discriminator's value list.
     */
    public List<String> derived(Table table) {
        Set<String> discriminatorColumns = discriminators.getOrDefault(table.getName(), Set.of());
        List<String> derived = new ArrayList<>();
        for (Column column : table.getColumns()) {
            String condition = typeCondition(column);
            if (condition != null && !derived.contains(condition)) {
                derived.add(condition);
            }
            if (discriminatorColumns.contains(column.getName())) {
                for (CheckConstraint check : column.getCheckConstraints()) {
                    if (check.isAnonymous() && check.getConstraint() != null && !derived.contains(check.getConstraint())) {
                        derived.add(check.getConstraint());
                    }
                }
            }
        }
        return derived;
    }

    /** The enum constants of each column of the table that maps an enum, by column name. */
    public static Map<String, List<String>> enumConstants(Table table) {
        Map<String, List<String>> constants = new LinkedHashMap<>();
        for (Column column : table.getColumns()) {
            Class<?> javaType = column.getValue() instanceof BasicValue value && value.getType() instanceof BasicType<?> type
                    ? type.getJavaType() : null;
            if (javaType != null && javaType.isEnum()) {
                List<String> names = new ArrayList<>();
                for (Object constant : javaType.getEnumConstants()) {
                    names.add(((Enum<?>) constant).name());
                }
                constants.put(column.getName(), names);
            }
        }
        return constants;
    }

    private String typeCondition(Column column) {
        return column.getValue() instanceof BasicValue value && value.getType() instanceof BasicType<?> type
                ? type.getCheckCondition(column.getQuotedName(dialect), dialect) : null;
    }

    /** The column's checks without the one Hibernate derives from its type (an enum's value list, say). */
    private List<CheckConstraint> declared(Column column) {
        List<CheckConstraint> checks = new ArrayList<>(column.getCheckConstraints());
        String derived = typeCondition(column);
        if (derived != null) {
            // Hibernate adds it after binding the annotations: the last unnamed copy is its own.
            for (int i = checks.size() - 1; i >= 0; i--) {
                if (checks.get(i).isAnonymous() && derived.equals(checks.get(i).getConstraint())) {
                    checks.remove(i);
                    break;
                }
            }
        }
        return checks;
    }

    private String expression(Table table, Column column, CheckConstraint check) {
        String text = check.getConstraint() == null ? "" : check.getConstraint().strip();
        if (text.isEmpty()) {
            throw new SchemaException("empty CHECK constraint" + (check.isNamed() ? " '" + check.getName() + "'" : "")
                    + " on " + where(table, column) + ": give it an expression");
        }
        return text;
    }

    private void add(Table table, Map<String, ConstraintSchema> checks, String name, String expression) {
        ConstraintSchema previous = checks.get(name);
        if (previous != null && !previous.expression().equals(expression)) {
            throw new SchemaException("two CHECK constraints named '" + name + "' on " + where(table, null) + ": '"
                    + previous.expression() + "' and '" + expression + "'; give them different names");
        }
        checks.put(name, new ConstraintSchema(name, ConstraintSchema.Kind.CHECK, List.of(), expression));
    }

    private String where(Table table, Column column) {
        List<String> owner = owners.getOrDefault(table.getName(), List.of());
        return (column == null ? "table " + table.getName() : "column " + table.getName() + "." + column.getName())
                + (owner.isEmpty() ? "" : " (" + String.join(", ", owner) + ")");
    }
}
