package dev.covet.migrations.introspect;

import dev.covet.migrations.schema.SchemaState;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

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

    /**
     * Reads the objects of the current database/schema that are not tables (types, domains, sequences not owned by
     * a column, views, functions, procedures, triggers), in an order they can be created in: what tables may use
     * first, then what is built on tables, each after what it depends on.
     */
    default List<DatabaseObject> readObjects(Connection connection) throws SQLException {
        return List.of();
    }

    /**
     * What of the current database/schema {@link #readObjects} does not capture, each with why, so that a baseline
     * can name it rather than leave it out silently; by default nothing.
     */
    default List<UncapturedObject> readUncaptured(Connection connection) throws SQLException {
        return List.of();
    }
}
