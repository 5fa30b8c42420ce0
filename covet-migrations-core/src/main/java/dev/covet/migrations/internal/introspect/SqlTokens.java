package dev.covet.migrations.internal.introspect;

import java.util.ArrayList;
import java.util.List;

/**
 * A shallow tokenizer for the DDL text SQLite keeps in {@code sqlite_schema}: words, quoted identifiers,
 * string literals and whole parenthesized groups each make one token, so keywords inside strings and
 * nested expressions are never mistaken for clauses.
 */
public final class SqlTokens {

    /** One token and where it starts in the text. */
    public record Token(String text, int start) {
        /** Whether the token is this keyword (any case). */
        public boolean isWord(String word) {
            return text.equalsIgnoreCase(word);
        }

        /** Whether the token is a whole parenthesized group. */
        public boolean isGroup() {
            return text.startsWith("(");
        }

        /** The token as an identifier: quotes removed. */
        public String identifier() {
            return SqlText.unquoteIdentifier(text);
        }

        /** The text inside a parenthesized group. */
        public String inner() {
            return text.substring(1, text.length() - 1);
        }
    }

    private SqlTokens() {
    }

    /** The tokens of a statement; comments are skipped. */
    public static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char ch = sql.charAt(i);
            int end;
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            } else if (ch == '-' && sql.startsWith("--", i)) {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? sql.length() : nl + 1;
                continue;
            } else if (ch == '/' && sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? sql.length() : close + 2;
                continue;
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                end = SqlText.endOfQuoted(sql, i) + 1;
            } else if (ch == '[') {
                int close = sql.indexOf(']', i);
                end = close < 0 ? sql.length() : close + 1;
            } else if (ch == '(') {
                int close = SqlText.closingParen(sql, i);
                end = close < 0 ? sql.length() : close + 1;
            } else if (Character.isLetterOrDigit(ch) || ch == '_' || ch == '$') {
                end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
            } else {
                end = i + 1;
            }
            tokens.add(new Token(sql.substring(i, end), i));
            i = end;
        }
        return tokens;
    }

    /** The text split at top-level commas. */
    public static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\'' || ch == '"' || ch == '`') {
                i = SqlText.endOfQuoted(text, i);
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                parts.add(text.substring(from, i).trim());
                from = i + 1;
            }
        }
        parts.add(text.substring(from).trim());
        return parts;
    }

    /** The column names of a {@code (a, "b" DESC)} list. */
    static List<String> columnList(String inner) {
        List<String> columns = new ArrayList<>();
        for (String part : splitTopLevel(inner)) {
            List<Token> t = tokenize(part);
            if (!t.isEmpty()) {
                columns.add(SqlText.unquoteIdentifier(t.get(0).text()));
            }
        }
        return columns;
    }
}
