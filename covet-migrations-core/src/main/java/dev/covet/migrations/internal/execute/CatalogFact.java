package dev.covet.migrations.internal.execute;

/**
 * Something a MySQL DDL statement leaves in the catalog once it ran (a table, column, index or constraint present
 * or absent): what a resume checks to tell whether a killed attempt's last statement completed.
 */
sealed interface CatalogFact {

    /** The table the fact is about. */
    String table();

    /** Whether the thing should exist once the statement ran. */
    boolean present();

    /** For the resume log: "index idx_big_v on big present". */
    String describe();

    /** A table. */
    record Table(String table, boolean present) implements CatalogFact {
        @Override
        public String describe() {
            return "table " + table + (present ? " present" : " absent");
        }
    }

    /** A column of a table. */
    record Column(String table, String column, boolean present) implements CatalogFact {
        @Override
        public String describe() {
            return "column " + table + "." + column + (present ? " present" : " absent");
        }
    }

    /** An index (a UNIQUE constraint is one in MySQL). */
    record Index(String table, String index, boolean present) implements CatalogFact {
        @Override
        public String describe() {
            return "index " + index + " on " + table + (present ? " present" : " absent");
        }
    }

    /** A named FOREIGN KEY or CHECK constraint. */
    record Constraint(String table, String name, boolean present) implements CatalogFact {
        @Override
        public String describe() {
            return "constraint " + name + " on " + table + (present ? " present" : " absent");
        }
    }
}
