package dev.covet.migrations.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL statements, either the same for every dialect or given per dialect ({@code postgresql}, {@code mysql},
 * {@code sqlite}), with an optional fallback for the others.
 *
 * @param common statements for any dialect without its own entry (may be empty)
 * @param perDialect statements by dialect name
 */
public record DialectSql(List<String> common, Map<String, List<String>> perDialect) {

    public DialectSql {
        common = common == null ? List.of() : List.copyOf(common);
        perDialect = perDialect == null ? Map.of() : Map.copyOf(perDialect);
    }

    /** The same statements for every dialect. */
    public static DialectSql of(List<String> statements) {
        return new DialectSql(statements, Map.of());
    }

    /** The statements for the dialect, or empty when the file has none for it and no common ones. */
    public Optional<List<String>> statementsFor(String dialectName) {
        List<String> specific = perDialect.get(dialectName);
        if (specific != null) {
            return Optional.of(specific);
        }
        return common.isEmpty() && !perDialect.isEmpty() ? Optional.empty() : Optional.of(common);
    }
}
