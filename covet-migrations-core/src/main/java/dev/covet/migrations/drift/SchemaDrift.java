package dev.covet.migrations.drift;

/**
 * One difference between the live database and the schema the applied migrations project.
 *
 * @param table the table it concerns
 * @param difference what differs, for people ({@code column nickname exists in the database but no migration
 *        creates it})
 */
public record SchemaDrift(String table, String difference) {
}
