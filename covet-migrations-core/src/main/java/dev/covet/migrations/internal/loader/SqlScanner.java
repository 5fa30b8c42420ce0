package dev.covet.migrations.internal.loader;

/**
 * Finds the parts of a SQL text that are not code: {@code --} and {@code /* *}{@code /} comments, quoted text
 * ({@code '...'}, {@code "..."}, {@code `...`}) and PostgreSQL dollar-quoted bodies. The splitter and the
 * {@code .sql} reader share it, so both agree on where a statement, a comment or a directive is.
 */
final class SqlScanner {

    /** What a non-code span is. */
    enum Kind { LINE_COMMENT, BLOCK_COMMENT, QUOTED, DOLLAR_QUOTED }

    /**
     * One non-code span.
     *
     * @param kind what it is
     * @param end the index just past it
     */
    record Span(Kind kind, int end) {
    }

    private final String text;
    private final boolean backslashEscapes;
    private final int[] lineStarts;

    /** A scanner where a backslash escapes the next character in '...' (MySQL's default). */
    SqlScanner(String text) {
        this(text, true);
    }

    /**
     * @param backslashEscapes whether a backslash escapes the next character in '...' (MySQL without
     *        NO_BACKSLASH_ESCAPES); without it only PostgreSQL's {@code E'...'} strings have backslash escapes
     */
    SqlScanner(String text, boolean backslashEscapes) {
        this.text = text;
        this.backslashEscapes = backslashEscapes;
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        lineStarts = new int[lines];
        int k = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts[k++] = i + 1;
            }
        }
    }

    String text() {
        return text;
    }

    /** The 1-based line of an index. */
    int lineOf(int index) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /**
     * The comment or quoted text starting at {@code i}, or {@code null} when code starts there.
     *
     * @throws UnclearSqlException when a block comment, quoted text or dollar-quoted body never ends: the rest
     *         of the file would otherwise silently become part of it
     */
    Span spanAt(int i) {
        int n = text.length();
        char c = text.charAt(i);
        if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
            int end = text.indexOf('\n', i);
            return new Span(Kind.LINE_COMMENT, end < 0 ? n : end);
        }
        if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
            int end = text.indexOf("*/", i + 2);
            if (end < 0) {
                throw new UnclearSqlException(lineOf(i), "a /* comment that is never closed with */");
            }
            return new Span(Kind.BLOCK_COMMENT, end + 2);
        }
        if (c == '\'' || c == '"' || c == '`') {
            return new Span(Kind.QUOTED, closingQuote(i, c));
        }
        if (c == '$' && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
            String tag = dollarTag(i);
            if (tag != null) {
                int end = text.indexOf(tag, i + tag.length());
                if (end < 0) {
                    throw new UnclearSqlException(lineOf(i), "a " + tag + " quoted body that is never closed");
                }
                return new Span(Kind.DOLLAR_QUOTED, end + tag.length());
            }
        }
        return null;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The index after the closing quote; a doubled quote, or a backslash before one in '...', is part of the text. */
    private int closingQuote(int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && quote == '\'' && i + 1 < text.length() && (backslashEscapes || isEscapeString(start))) {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new UnclearSqlException(lineOf(start), "a " + quote + " quote that is never closed");
    }

    /** Whether the quote at {@code start} opens PostgreSQL's {@code E'...'}, where backslashes always escape. */
    private boolean isEscapeString(int start) {
        return start > 0 && (text.charAt(start - 1) == 'E' || text.charAt(start - 1) == 'e')
                && (start == 1 || !isWordChar(text.charAt(start - 2)));
    }

    /** {@code $$} or {@code $tag$} starting at {@code i}, else {@code null}. */
    private String dollarTag(int i) {
        int j = i + 1;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        if (j < text.length() && text.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(text.charAt(i + 1)))) {
            return text.substring(i, j + 1);
        }
        return null;
    }

    /**
     * SQL that does not read as one thing: a comment, quoted text or dollar-quoted body that runs to the end of the
     * text, or statements that split differently where a backslash escapes and where it does not.
     */
    static final class UnclearSqlException extends IllegalArgumentException {

        private final int line;

        UnclearSqlException(int line, String what) {
            super("line " + line + ": " + what);
            this.line = line;
        }

        /** The 1-based line where the unclear part starts. */
        int line() {
            return line;
        }

        /** The problem without the line, for callers that name the line themselves. */
        String problem() {
            return getMessage().substring(getMessage().indexOf(": ") + 2);
        }
    }
}
