package dev.covet.migrations.introspect;

import java.util.Objects;

/**
 * A database object that is not a table: a type, domain or sequence the tables use, or a view, function, procedure
 * or trigger built on them. Read with its definition, so a baseline can write it as {@code RUN_SQL} and replay it.
 *
 * @param kind what it is ({@code enum type}, {@code domain}, {@code sequence}, {@code view}, {@code function},
 *             {@code procedure}, {@code trigger})
 * @param name its name
 * @param createSql the statement that creates it, as the database gives it back
 * @param dropSql the statement that removes it
 * @param beforeTables whether tables may depend on it (types, domains, sequences), so it is created first
 * @param table the table it belongs to, as the database names it (a trigger's, an index's, a rule's), or {@code null}
 */
public record DatabaseObject(String kind, String name, String createSql, String dropSql, boolean beforeTables, String table) {

    public DatabaseObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createSql, "createSql");
        Objects.requireNonNull(dropSql, "dropSql");
    }

    /** An object that belongs to no table (a type, a sequence, a routine, a view). */
    public DatabaseObject(String kind, String name, String createSql, String dropSql, boolean beforeTables) {
        this(kind, name, createSql, dropSql, beforeTables, null);
    }

    /** {@code view shop_totals}, for messages. */
    public String label() {
        return kind + " " + name;
    }
}
