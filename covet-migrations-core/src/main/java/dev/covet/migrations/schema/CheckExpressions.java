package dev.covet.migrations.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * CHECK constraints of a live schema compared by name, not by expression text. Each database rewrites a CHECK
 * when it stores it: PostgreSQL reads {@code price > 0} on a NUMERIC column back as {@code (price > (0)::numeric)},
 * MySQL and MariaDB quote the column names with backticks, only SQLite keeps the text. Normalising every such
 * rewrite is guesswork; the names are exact (every CHECK Covet creates is named). The cost: an expression changed
 * by hand under the same name is not seen.
 */
public final class CheckExpressions {

    private CheckExpressions() {
    }

    /**
     * {@code live} with every CHECK that {@code expected} has under the same name on the same table carrying the
     * expected expression, so that only added, dropped and renamed checks differ.
     */
    public static SchemaState alignedTo(SchemaState expected, SchemaState live) {
        List<TableSchema> tables = new ArrayList<>();
        for (TableSchema table : live.tables().values()) {
            TableSchema wanted = expected.table(table.name()).orElse(null);
            tables.add(wanted == null ? table : table.withConstraints(table.constraints().stream()
                    .map(c -> c.kind() != ConstraintSchema.Kind.CHECK ? c : wanted.constraint(c.name())
                            .filter(w -> w.kind() == ConstraintSchema.Kind.CHECK)
                            .map(w -> new ConstraintSchema(c.name(), c.kind(), c.columns(), w.expression()))
                            .orElse(c))
                    .toList()));
        }
        return SchemaState.of(tables);
    }
}
