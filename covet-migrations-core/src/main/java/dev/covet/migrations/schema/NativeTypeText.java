package dev.covet.migrations.schema;

/**
 * Checks and normalizes the text of a native type. It is written into DDL as is, so it must be one type: no
 * statement separator or comment outside quotes, balanced quotes and parentheses. Outside quotes it is lower-cased
 * and its white space collapsed, so {@code ENUM ('a', 'b')} (Hibernate's spelling) and {@code enum('a','b')} (the
 * catalog's) are the same type; quoted text (enum values, a quoted type name) is kept exactly.
 */
final class NativeTypeText {

    private NativeTypeText() {
    }

    static String checked(String dialect, String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("native type of " + dialect + " is empty");
        }
        StringBuilder out = new StringBuilder(sql.length());
        char quote = 0;
        int depth = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == ';' || (c == '-' && next(sql, i) == '-') || (c == '/' && next(sql, i) == '*')) {
                throw refused(dialect, sql, "a statement separator or comment");
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                throw refused(dialect, sql, "an unbalanced ')'");
            }
            if (Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            // No space before '(' , ')' or ',' nor after '(' or ',': "enum ( 'a' , 'b' )" -> "enum('a','b')".
            if (pendingSpace && c != '(' && c != ')' && c != ',' && !endsWithOpener(out)) {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(quote != 0 ? c : Character.toLowerCase(c));
        }
        if (quote != 0) {
            throw refused(dialect, sql, "an unclosed quote");
        }
        if (depth != 0) {
            throw refused(dialect, sql, "an unclosed '('");
        }
        return out.toString();
    }

    private static boolean endsWithOpener(StringBuilder out) {
        char last = out.charAt(out.length() - 1);
        return last == '(' || last == ',';
    }

    private static char next(String s, int i) {
        return i + 1 < s.length() ? s.charAt(i + 1) : 0;
    }

    private static IllegalArgumentException refused(String dialect, String sql, String what) {
        return new IllegalArgumentException("native type '" + dialect + ":" + sql + "' has " + what
                + ": a column type must be one type, nothing more");
    }
}
