package dev.covet.migrations.schema;

/** An operation does not fit the schema it is applied to (an unknown table or column, a duplicate name). */
public class SchemaException extends RuntimeException {
    public SchemaException(String message) {
        super(message);
    }
}
