package dev.covet.migrations.introspect;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.schema.SchemaState;

import java.sql.Connection;
import java.sql.SQLException;

/** Reads the live schema of a database into a {@link SchemaState}. STUB: being written. */
public interface SchemaReader {

    /**
     * Reads every table of the connection's current database/schema, except those whose names start with
     * {@code excludedPrefix} (Covet's own tables).
     */
    SchemaState read(Connection connection, String excludedPrefix) throws SQLException;

    static SchemaReader forDialect(Dialect dialect) {
        throw new UnsupportedOperationException("not yet");
    }
}
