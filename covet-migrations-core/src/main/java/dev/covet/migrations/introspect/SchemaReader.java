package dev.covet.migrations.introspect;

import dev.covet.migrations.schema.SchemaState;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads the live schema of a database into a {@link SchemaState}, normalized so that it equals the state
 * migration files project for the same schema. Implementations read the whole schema with a few bulk catalog
 * queries (never one query per table), and return tables sorted by name so two reads of the same schema
 * compare equal. The dialect hands out the reader for its database ({@code Dialect.schemaReader()}).
 */
public interface SchemaReader {

    /**
     * Reads every table of the connection's current database/schema, except those whose names start with
     * {@code excludedPrefix} (Covet's own tables) or with {@code _covet_}.
     */
    SchemaState read(Connection connection, String excludedPrefix) throws SQLException;

}
