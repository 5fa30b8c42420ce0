package dev.covet.migrations.loader;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at {@code ;}, leaving semicolons inside quotes, identifiers, comments
 * and PostgreSQL dollar-quoted bodies alone. Statements that are only comments are dropped.
 */
public final class SqlScriptSplitter {

    private SqlScriptSplitter() {
    }

    /** The script's statements, without their terminating semicolons. */
    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean hasCode = false;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(script, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                current.append(script, i, end);
                i = end;
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = closingQuote(script, i, c);
                current.append(script, i, end);
                hasCode = true;
                i = end;
            } else if (c == '$' && dollarTag(script, i) != null) {
                String tag = dollarTag(script, i);
                int end = script.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end + tag.length();
                current.append(script, i, end);
                hasCode = true;
                i = end;
            } else if (c == ';') {
                add(statements, current, hasCode);
                current.setLength(0);
                hasCode = false;
                i++;
            } else {
                current.append(c);
                hasCode |= !Character.isWhitespace(c);
                i++;
            }
        }
        add(statements, current, hasCode);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current, boolean hasCode) {
        String s = current.toString().strip();
        if (hasCode && !s.isEmpty()) {
            statements.add(s);
        }
    }

    /** The index after the closing quote; a doubled quote is an escaped one. */
    private static int closingQuote(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && quote == '\'' && i + 1 < s.length()) {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    /** {@code $$} or {@code $tag$} starting at {@code i}, else {@code null}. */
    private static String dollarTag(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (j < s.length() && s.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(s.charAt(i + 1)))) {
            return s.substring(i, j + 1);
        }
        return null;
    }
}
