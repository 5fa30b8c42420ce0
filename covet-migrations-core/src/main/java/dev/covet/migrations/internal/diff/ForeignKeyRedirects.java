package dev.covet.migrations.internal.diff;

import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evidence that a dropped table and a created one are the same entity renamed: a table kept on both sides whose
 * foreign key on the same columns referenced the dropped table and now references the created one
 * ({@code book.author_id} moving from {@code author} to {@code writer}).
 */
public final class ForeignKeyRedirects {

    private ForeignKeyRedirects() {
    }

    /**
     * The redirected pairs.
     *
     * @return {@code old=new} to a description such as {@code book.author_id now references writer}
     */
    public static Map<String, String> between(SchemaState from, SchemaState to) {
        Map<String, String> redirected = new LinkedHashMap<>();
        for (TableSchema now : to.tables().values()) {
            TableSchema before = from.table(now.name()).orElse(null);
            if (before == null) {
                continue;
            }
            for (ForeignKeySchema fk : now.foreignKeys()) {
                if (from.hasTable(fk.referencedTable())) {
                    continue;
                }
                for (ForeignKeySchema old : before.foreignKeys()) {
                    if (old.columns().equals(fk.columns()) && !to.hasTable(old.referencedTable())) {
                        redirected.putIfAbsent(old.referencedTable() + "=" + fk.referencedTable(), now.name() + "."
                                + String.join(",", fk.columns()) + " now references " + fk.referencedTable());
                    }
                }
            }
        }
        return redirected;
    }
}
