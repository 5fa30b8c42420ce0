package dev.covet.migrations.introspect;

import dev.covet.migrations.internal.introspect.MySqlSchemaReader;
import dev.covet.migrations.internal.introspect.PostgresSchemaReader;
import dev.covet.migrations.internal.introspect.SqliteSchemaReader;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.dialect.MySqlDialect;
import dev.covet.migrations.dialect.PostgresDialect;
import dev.covet.migrations.dialect.SqliteDialect;
import dev.covet.migrations.schema.SchemaState;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads the live schema of a database into a {@link SchemaState}, normalized so that it equals the state
 * migration files project for the same schema. Implementations read the whole schema with a few bulk catalog
 * queries (never one query per table), and return tables sorted by name so two reads of the same schema
 * compare equal.
 */
public interface SchemaReader {

    /**
     * Reads every table of the connection's current database/schema, except those whose names start with
     * {@code excludedPrefix} (Covet's own tables) or with {@code _covet_}.
     */
    SchemaState read(Connection connection, String excludedPrefix) throws SQLException;

    /** The reader for a dialect. */
    static SchemaReader forDialect(Dialect dialect) {
        if (dialect instanceof PostgresDialect) {
            return new PostgresSchemaReader();
        }
        if (dialect instanceof MySqlDialect) {
            return new MySqlSchemaReader();
        }
        if (dialect instanceof SqliteDialect) {
            return new SqliteSchemaReader();
        }
        throw new IllegalArgumentException("no schema reader for dialect " + dialect);
    }
}
