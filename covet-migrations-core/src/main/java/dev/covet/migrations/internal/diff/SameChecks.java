package dev.covet.migrations.internal.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether two CHECK expressions are the same check written two ways: as an entity or Hibernate writes it and as a
 * database stores it. Only rewordings databases make by themselves are undone: identifier quotes (MySQL's backticks,
 * PostgreSQL's double quotes), casts PostgreSQL adds ({@code (0)::numeric}, {@code ::character varying}),
 * parentheses around a single value or a single comparison (which binds tighter than AND, OR and NOT anyway),
 * PostgreSQL's {@code = ANY (ARRAY[...])} for {@code IN (...)}, {@code BETWEEN} as its two comparisons, letter case
 * and spacing outside string literals. Anything else that differs (a value, an operator, how AND and OR group) is a
 * different check.
 */
public final class SameChecks {

    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern CAST = Pattern.compile(
            "::\\s*(?:character varying|double precision|timestamp(?: with(?:out)? time zone)?|[a-z_][a-z0-9_]*)"
                    + "(?:\\s*\\(\\s*\\d+(?:\\s*,\\s*\\d+)?\\s*\\))?(?:\\[\\])?");
    private static final String ATOM = "[\\w.§-]+";
    private static final Pattern PARENTHESIZED_ATOM = Pattern.compile("\\(\\s*(" + ATOM + ")\\s*\\)");
    private static final Pattern PARENTHESIZED_COMPARISON = Pattern.compile(
            "\\(\\s*(" + ATOM + "\\s*(?:>=|<=|<>|!=|=|<|>)\\s*" + ATOM + ")\\s*\\)");
    private static final Pattern ANY_ARRAY = Pattern.compile("=\\s*any\\s*\\(\\s*\\(?\\s*array\\s*\\[([^\\]]*)\\]\\s*\\)?\\s*\\)");
    private static final Pattern BETWEEN = Pattern.compile("(" + ATOM + ")\\s+between\\s+(" + ATOM + ")\\s+and\\s+(" + ATOM + ")");

    private SameChecks() {
    }

    /** Whether the two expressions are the same check. */
    public static boolean same(String a, String b) {
        return a.equals(b) || canonical(a).equals(canonical(b));
    }

    /** The expression with the database's own rewordings undone (see the class comment). */
    static String canonical(String expression) {
        List<String> literals = new ArrayList<>();
        Matcher m = LITERAL.matcher(expression);
        StringBuilder code = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(code, "§" + literals.size() + "§");
            literals.add(m.group());
        }
        m.appendTail(code);
        String s = code.toString().toLowerCase(Locale.ROOT).replace("`", "").replace("\"", "");
        s = CAST.matcher(s).replaceAll("");
        s = ANY_ARRAY.matcher(s).replaceAll(" in ($1)");
        s = BETWEEN.matcher(s).replaceAll("$1 >= $2 and $1 <= $3");
        String before;
        do {
            before = s;
            s = PARENTHESIZED_ATOM.matcher(s).replaceAll("$1");
            s = PARENTHESIZED_COMPARISON.matcher(s).replaceAll("$1");
            s = stripOuterParens(s.strip());
        } while (!s.equals(before));
        s = s.replaceAll("\\s+", " ").replaceAll("\\s*([(),=<>!+*/])\\s*", "$1");
        for (int i = 0; i < literals.size(); i++) {
            s = s.replace("§" + i + "§", literals.get(i));
        }
        return s;
    }

    private static String stripOuterParens(String s) {
        while (s.startsWith("(") && s.endsWith(")") && closes(s)) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** Whether the opening parenthesis at 0 closes at the end. */
    private static boolean closes(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i < s.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }
}
