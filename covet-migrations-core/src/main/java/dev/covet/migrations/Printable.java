package dev.covet.migrations;

/**
 * Text from a migration file made safe for a terminal or a log line: control characters are written as escapes
 * ({@code \n}, {@code \r}, {@code \t}, {@code \u001b}), so an ANSI sequence cannot recolour or erase what a person
 * reads, and a newline in a description cannot forge a log line of its own.
 */
public final class Printable {

    private Printable() {
    }

    /** The text on one line: every control character escaped, newlines included. */
    public static String line(String text) {
        return escape(text, false);
    }

    /** The text with its line breaks kept (SQL, multi-line messages), every other control character escaped. */
    public static String lines(String text) {
        return escape(text, true);
    }

    /**
     * The text for a log record: line breaks kept, every other control character escaped, and every line after the
     * first indented, so that no line of it (a SQL statement's, say) can pass for a log record of its own.
     */
    public static String logBlock(String text) {
        String kept = escape(text, true);
        return kept == null ? null : kept.replaceAll("\n(?=\\S)", "\n  ");
    }

    private static String escape(String text, boolean keepNewlines) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !needsEscape(text.charAt(i), keepNewlines)) {
            i++;
        }
        if (i == text.length()) {
            return text; // the usual case: nothing to copy
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!needsEscape(c, keepNewlines)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(char c, boolean keepNewlines) {
        if (keepNewlines && (c == '\n' || c == '\t')) {
            return false;
        }
        // C0 and C1 controls, DEL, and the line/paragraph separators some terminals and log viewers break on
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }
}
