package dev.covet.migrations.internal.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a SQL script into statements at {@code ;}, leaving semicolons inside quotes, identifiers, comments,
 * PostgreSQL dollar-quoted bodies and the {@code BEGIN ... END} body of a {@code CREATE TRIGGER}, {@code PROCEDURE},
 * {@code FUNCTION} or {@code EVENT} alone. Statements that are only comments are dropped. Every statement is then
 * one statement to every database: SQLite's driver would silently run only the first of several, PostgreSQL's
 * would run all of them, and MySQL's refuses them.
 */
public final class SqlScriptSplitter {

    /** A statement whose {@code ;} inside {@code BEGIN ... END} does not end it. */
    private static final Pattern ROUTINE = Pattern.compile(
            "CREATE\\s+(OR\\s+REPLACE\\s+)?(DEFINER\\s*=[^;]{0,200}?\\s)?(TEMP\\s+|TEMPORARY\\s+)?"
                    + "(TRIGGER|PROCEDURE|FUNCTION|EVENT)\\b", Pattern.CASE_INSENSITIVE);
    /** After END, these words close a block that did not open with BEGIN or CASE ({@code END IF}). */
    private static final Set<String> NOT_COUNTED_AFTER_END = Set.of("IF", "LOOP", "WHILE", "REPEAT", "FOR");

    /**
     * One statement and where it starts.
     *
     * @param sql the statement without its terminating semicolon
     * @param line the 1-based line of its first code character
     */
    public record Statement(String sql, int line) {
    }

    private SqlScriptSplitter() {
    }

    /**
     * The script's statements, without their terminating semicolons.
     *
     * @throws IllegalArgumentException naming the line of a block comment, quoted text or dollar-quoted body that is
     *         never closed
     */
    public static List<String> split(String script) {
        return statements(script).stream().map(Statement::sql).toList();
    }

    /**
     * The script's statements with their lines; see {@link #split}. The script is split twice, once as MySQL reads a
     * backslash in '...' (an escape) and once as PostgreSQL and SQLite do (a plain character): where the two differ
     * the statements would be different ones on different databases (or a hidden second statement on one), and the
     * script is refused.
     *
     * @throws IllegalArgumentException naming the line of an unclosed comment, quote or body, or of the first
     *         statement that the two readings split differently
     */
    public static List<Statement> statements(String script) {
        if (script.indexOf('\\') < 0) {
            return statements(script, true); // without a backslash both readings are the same
        }
        List<Statement> escaping = null;
        List<Statement> plain = null;
        SqlScanner.UnclearSqlException escapingError = null;
        SqlScanner.UnclearSqlException plainError = null;
        try {
            escaping = statements(script, true);
        } catch (SqlScanner.UnclearSqlException e) {
            escapingError = e;
        }
        try {
            plain = statements(script, false);
        } catch (SqlScanner.UnclearSqlException e) {
            plainError = e;
        }
        if (escapingError != null && plainError != null) {
            throw escapingError; // unclear either way
        }
        if (escapingError != null || plainError != null || !escaping.equals(plain)) {
            int line = escapingError != null ? escapingError.line() : plainError != null ? plainError.line() : 1;
            for (int i = 0; escapingError == null && plainError == null && i < Math.max(escaping.size(), plain.size()); i++) {
                if (i >= escaping.size() || i >= plain.size() || !escaping.get(i).equals(plain.get(i))) {
                    line = (i < escaping.size() ? escaping : plain).get(i).line();
                    break;
                }
            }
            throw new SqlScanner.UnclearSqlException(line, "a backslash before a quote ends the text on PostgreSQL and"
                    + " SQLite but not on MySQL, so this is not the same SQL on every database: write a quote inside '...'"
                    + " as '' (or use E'...' on PostgreSQL)");
        }
        return escaping;
    }

    private static List<Statement> statements(String script, boolean backslashEscapes) {
        SqlScanner scanner = new SqlScanner(script, backslashEscapes);
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        StringBuilder code = new StringBuilder(); // the statement's code so far without comments, to spot routines
        int start = -1;
        int depth = 0;
        boolean afterEnd = false;
        int i = 0;
        int n = script.length();
        while (i < n) {
            SqlScanner.Span span = scanner.spanAt(i);
            if (span != null) {
                current.append(script, i, span.end());
                boolean quoted = span.kind() == SqlScanner.Kind.QUOTED || span.kind() == SqlScanner.Kind.DOLLAR_QUOTED;
                if (quoted) {
                    start = start < 0 ? i : start;
                    code.append(' ').append('x').append(' ');
                }
                i = span.end();
                continue;
            }
            char c = script.charAt(i);
            if (c == ';' && depth <= 0) {
                add(statements, current, start, scanner);
                current.setLength(0);
                code.setLength(0);
                start = -1;
                depth = 0;
                afterEnd = false;
                i++;
                continue;
            }
            if (SqlScanner.isWordChar(c)) {
                int end = i;
                while (end < n && SqlScanner.isWordChar(script.charAt(end))) {
                    end++;
                }
                String word = script.substring(i, end).toUpperCase(Locale.ROOT);
                start = start < 0 ? i : start;
                code.append(word).append(' ');
                if (ROUTINE.matcher(code).lookingAt()) {
                    if (afterEnd && (NOT_COUNTED_AFTER_END.contains(word) || word.equals("CASE"))) {
                        // END IF, END LOOP ...: not a block we counted; END CASE: already counted at END
                        depth += word.equals("CASE") ? 0 : 1;
                    } else if (word.equals("BEGIN") || word.equals("CASE")) {
                        depth++;
                    } else if (word.equals("END")) {
                        depth--;
                    }
                    afterEnd = word.equals("END");
                }
                current.append(script, i, end);
                i = end;
                continue;
            }
            current.append(c);
            if (!Character.isWhitespace(c)) {
                start = start < 0 ? i : start;
                code.append(c);
            }
            i++;
        }
        add(statements, current, start, scanner);
        return statements;
    }

    private static void add(List<Statement> statements, StringBuilder current, int start, SqlScanner scanner) {
        String s = current.toString().strip();
        if (start >= 0 && !s.isEmpty()) {
            statements.add(new Statement(s, scanner.lineOf(start)));
        }
    }
}
