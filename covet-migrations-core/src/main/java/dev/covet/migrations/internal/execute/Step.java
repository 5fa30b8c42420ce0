package dev.covet.migrations.internal.execute;

/** One executable step of a migration: a SQL statement, or a registered Java migration. */
public sealed interface Step {

    /** How the step appears in dry-run output and history details. */
    String display();

    /** A SQL statement. */
    record Sql(String sql) implements Step {
        @Override
        public String display() {
            return sql;
        }
    }

    /** A registered {@link dev.covet.migrations.JavaMigration}, forwards or backwards. */
    record Java(String migration, boolean backwards) implements Step {
        @Override
        public String display() {
            return "-- RUN_JAVA " + migration + (backwards ? " (rollback)" : "");
        }
    }
}
