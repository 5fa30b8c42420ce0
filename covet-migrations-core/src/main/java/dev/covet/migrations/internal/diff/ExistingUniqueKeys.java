package dev.covet.migrations.internal.diff;

import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A column the target marks {@code unique} (as JPA's {@code @Column(unique = true)} does, name unspecified) is
 * already satisfied by a single-column UNIQUE constraint or unique index of any name on that column. Such a key
 * is common in an adopted database, named by the database's own default ({@code accounts_email_key} on
 * PostgreSQL, {@code email} on MySQL): keeping it beats dropping it and building the same unique index again.
 */
public final class ExistingUniqueKeys {

    private ExistingUniqueKeys() {
    }

    /**
     * The target, with each such column's uniqueness expressed as the key the current schema already has.
     *
     * @param current the schema as it stands (renames applied)
     * @param target the schema wanted
     */
    public static SchemaState keep(SchemaState current, SchemaState target) {
        List<TableSchema> tables = new ArrayList<>();
        boolean changed = false;
        for (TableSchema wanted : target.tables().values()) {
            TableSchema kept = current.table(wanted.name()).map(existing -> keep(existing, wanted)).orElse(wanted);
            changed |= kept != wanted;
            tables.add(kept);
        }
        return changed ? SchemaState.of(tables) : target;
    }

    private static TableSchema keep(TableSchema existing, TableSchema wanted) {
        TableSchema result = wanted;
        for (ColumnSchema column : wanted.columns()) {
            if (!column.unique() || column.primaryKey()
                    || existing.column(column.name()).map(ColumnSchema::unique).orElse(true)) {
                continue;
            }
            Optional<ConstraintSchema> constraint = existing.constraints().stream()
                    .filter(c -> c.kind() == ConstraintSchema.Kind.UNIQUE && c.columns().equals(List.of(column.name())))
                    .filter(c -> wanted.constraint(c.name()).isEmpty()).findFirst();
            Optional<IndexSchema> index = existing.indexes().stream()
                    .filter(i -> i.unique() && i.where() == null && i.columns().equals(List.of(column.name())))
                    .filter(i -> wanted.index(i.name()).isEmpty()).findFirst();
            if (constraint.isPresent()) {
                List<ConstraintSchema> constraints = new ArrayList<>(result.constraints());
                constraints.add(constraint.get());
                result = result.mapColumn(column.name(), c -> c.withUnique(false)).withConstraints(constraints);
            } else if (index.isPresent()) {
                List<IndexSchema> indexes = new ArrayList<>(result.indexes());
                indexes.add(index.get());
                result = result.mapColumn(column.name(), c -> c.withUnique(false)).withIndexes(indexes);
            }
        }
        return result;
    }
}
