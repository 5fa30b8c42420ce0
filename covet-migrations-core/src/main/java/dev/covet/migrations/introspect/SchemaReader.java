package dev.covet.migrations.introspect;

import dev.covet.migrations.internal.introspect.MySqlSchemaReader;
import dev.covet.migrations.internal.introspect.PostgresSchemaReader;
import dev.covet.migrations.internal.introspect.SqliteSchemaReader;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.schema.SchemaState;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads the live schema of a database into a {@link SchemaState}, normalized so that it equals the state
 * migration files project for the same schema. Implementations read the whole schema with a few bulk catalog
 * queries (never one query per table), and return tables sorted by name so two reads of the same schema
 * compare equal. The dialect hands out the reader for its database ({@link Dialect#schemaReader()}).
 */
public interface SchemaReader {

    /**
     * Reads every table of the connection's current database/schema, except those whose names start with
     * {@code excludedPrefix} (Covet's own tables) or with {@code _covet_}.
     */
    SchemaState read(Connection connection, String excludedPrefix) throws SQLException;

    /**
     * The reader for a dialect: {@link Dialect#schemaReader()}, which new code calls. Kept for
     * {@code SquashVerifier} (being reworked); the only import of {@code dialect} in this package, so it goes with
     * that call.
     */
    static SchemaReader forDialect(Dialect dialect) {
        return dialect.schemaReader();
    }
}
