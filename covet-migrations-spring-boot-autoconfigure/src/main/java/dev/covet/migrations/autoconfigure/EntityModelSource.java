package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.schema.SchemaState;

/**
 * Where {@code covet makemigrations} gets the schema the application needs: by default the JPA entities Spring
 * Boot manages, read with {@link dev.covet.migrations.jpa.JpaModelReader}. Declare a bean to use another model.
 */
@FunctionalInterface
public interface EntityModelSource {

    /** The schema the application's model needs. */
    SchemaState read();
}
