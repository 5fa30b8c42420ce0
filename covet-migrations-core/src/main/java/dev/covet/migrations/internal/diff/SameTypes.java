package dev.covet.migrations.internal.diff;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a column's type as the migrations wrote it when the other side writes the same database column differently:
 * an adopted PostgreSQL column read as {@code TIMESTAMP} is what Hibernate calls {@code timestamp(6)}, and altering it
 * would change nothing but the file; a SQLite auto-increment key reads back as {@code BIGINT} whether a migration
 * declared it {@code INTEGER} or {@code BIGINT}, which drift and a verified rollback must not report.
 */
public final class SameTypes {

    private SameTypes() {
    }

    /**
     * The model, with such column types taken from the current schema.
     *
     * @param current what the migrations project
     * @param model what the application needs, or what the database holds
     * @param dialect the database both are for
     */
    public static SchemaState keepWritten(SchemaState current, SchemaState model, Dialect dialect) {
        List<TableSchema> tables = new ArrayList<>();
        boolean changed = false;
        for (TableSchema wanted : model.tables().values()) {
            TableSchema kept = current.table(wanted.name()).map(existing -> keepWritten(existing, wanted, dialect)).orElse(wanted);
            changed |= kept != wanted;
            tables.add(kept);
        }
        return changed ? SchemaState.of(tables) : model;
    }

    private static TableSchema keepWritten(TableSchema existing, TableSchema wanted, Dialect dialect) {
        TableSchema result = wanted;
        for (ColumnSchema column : wanted.columns()) {
            ColumnSchema old = existing.column(column.name()).orElse(null);
            if (old != null && !old.type().equals(column.type()) && dialect.sameColumnType(old, column)) {
                result = result.mapColumn(column.name(), c -> c.withType(old.type()));
            }
        }
        return result;
    }
}
