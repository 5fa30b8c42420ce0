package dev.covet.migrations.dialect;

import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.SchemaState;

import java.util.List;

/** Placeholder: rendering is being written (issue 2). */
public final class MySqlDialect implements Dialect {
    @Override public String name() { return "mysql"; }
    @Override public String quote(String identifier) { throw new UnsupportedOperationException("not yet"); }
    @Override public String typeSql(ColumnType type) { throw new UnsupportedOperationException("not yet"); }
    @Override public List<String> render(Operation operation, SchemaState before) { throw new UnsupportedOperationException("not yet"); }
    @Override public boolean transactionalDdl() { return false; }
    @Override public String literal(Object value) { throw new UnsupportedOperationException("not yet"); }
}
