package dev.covet.migrations.internal.loader;

/**
 * Checks an expression field ({@code default: {sql: ...}}, a CHECK {@code expression}, an index {@code where}) before
 * it is written into a statement verbatim: it must stay inside its clause. No {@code ;} or comment, every quote
 * closed the same way on every database, every parenthesis closed inside it; otherwise {@code x > 0), CHECK (1 = 1}
 * or an unclosed quote would change the rest of the statement it is written into.
 */
final class SqlExpressions {

    private SqlExpressions() {
    }

    /** The expression, checked; the field's error otherwise. */
    static String require(Fields f, String key) {
        String sql = f.requireString(key);
        if (!f.raw(key).isString()) {
            throw f.error(key, "must be SQL text, not " + Fields.kind(f.raw(key)));
        }
        String problem = problem(sql);
        if (problem != null) {
            throw f.error(key, problem);
        }
        return sql;
    }

    /** What is wrong with the expression, or {@code null}. */
    static String problem(String sql) {
        if (sql.contains(";") || sql.contains("--") || sql.contains("/*")) {
            return "an expression cannot contain ';' or comments";
        }
        try {
            SqlScriptSplitter.statements(sql);
        } catch (SqlScanner.UnclearSqlException e) {
            return e.problem();
        }
        SqlScanner scanner = new SqlScanner(sql);
        int depth = 0;
        int i = 0;
        while (i < sql.length()) {
            SqlScanner.Span span = scanner.spanAt(i);
            if (span != null) {
                i = span.end();
                continue;
            }
            char c = sql.charAt(i++);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return "has a ')' that closes more than the expression opened";
            }
        }
        return depth == 0 ? null : "has a '(' that is never closed";
    }
}
