package dev.covet.migrations.internal.introspect;

/** Small text helpers for SQL fragments that catalogs hand back. */
final class SqlText {

    private SqlText() {
    }

    /**
     * The text without enclosing pairs of parentheses: catalogs wrap CHECK expressions and predicates in
     * (sometimes several) pairs that migration files do not write. {@code (a) AND (b)} is left alone.
     */
    static String stripOuterParens(String sql) {
        String s = sql.trim();
        while (s.startsWith("(") && closingParen(s, 0) == s.length() - 1) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping quoted text; -1 if none. */
    static int closingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'' || ch == '"' || ch == '`') {
                i = endOfQuoted(s, i);
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the quote closing the quoted text starting at {@code start} (doubled quotes escape). */
    static int endOfQuoted(String s, int start) {
        char q = s.charAt(start);
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == q) {
                if (i + 1 < s.length() && s.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return s.length() - 1;
    }

    /** Whether the text is one single-quoted SQL string literal. */
    static boolean isQuotedString(String s) {
        return s.length() >= 2 && s.charAt(0) == '\'' && endOfQuoted(s, 0) == s.length() - 1;
    }

    /** The value of a single-quoted SQL string literal: quotes removed, doubled quotes (and backslash escapes) undone. */
    static String unquoteString(String s, boolean backslashEscapes) {
        String body = s.substring(1, s.length() - 1).replace("''", "'");
        if (!backslashEscapes) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    default -> next;
                });
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** An identifier without its quotes ({@code "x"}, {@code `x`}, {@code [x]}), as SQLite's CREATE text may have them. */
    static String unquoteIdentifier(String s) {
        String t = s.trim();
        if (t.length() >= 2) {
            char first = t.charAt(0);
            char last = t.charAt(t.length() - 1);
            if ((first == '"' && last == '"') || (first == '`' && last == '`')) {
                return t.substring(1, t.length() - 1).replace(String.valueOf(first) + first, String.valueOf(first));
            }
            if (first == '[' && last == ']') {
                return t.substring(1, t.length() - 1);
            }
            if (first == '\'' && last == '\'') {
                return t.substring(1, t.length() - 1).replace("''", "'");
            }
        }
        return t;
    }
}
