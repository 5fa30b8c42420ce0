package dev.covet.migrations.loader;

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

    /** The script's statements with their lines; see {@link #split}. */
    public static List<Statement> statements(String script) {
        SqlScanner scanner = new SqlScanner(script);
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
