package dev.covet.migrations.internal.drift;

import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.List;
import java.util.Locale;

/**
 * The tables Hibernate makes for itself where its dialect has no temporary tables to spare (SQLite's): {@code HT_<table>}
 * and {@code HTE_<table>}, the work tables of its multi-table updates and deletes and of its inserts into joined
 * inheritance, each with Hibernate's session column {@code hib_sess_id}. Hibernate creates them at every start
 * when missing; they hold no data of the application's between statements, and no entity maps them. A baseline
 * leaves them out, so that no migration creates them, nor drops them as tables the entities lack; drift ignores
 * them.
 */
public final class HibernateWorkTables {

    private HibernateWorkTables() {
    }

    /** Whether the table is one of Hibernate's work tables. */
    public static boolean isWorkTable(TableSchema table) {
        String name = table.name().toUpperCase(Locale.ROOT);
        return (name.startsWith("HT_") || name.startsWith("HTE_"))
                && table.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase("hib_sess_id"));
    }

    /** The schema without Hibernate's work tables. */
    public static SchemaState without(SchemaState schema) {
        List<TableSchema> kept = schema.tables().values().stream().filter(t -> !isWorkTable(t)).toList();
        return kept.size() == schema.tables().size() ? schema : SchemaState.of(kept);
    }
}
