package dev.covet.migrations.internal.loader;

import java.util.HashMap;
import java.util.Map;

import static dev.covet.migrations.internal.loader.YamlUnsupported.UNSUPPORTED;

/**
 * Where {@code MigrationDocumentReader}'s {@code UNQUOTED_SIZED_TYPE} would quote a value
 * ({@code \btype:[ \t]*([A-Za-z][A-Za-z ]*\(\s*\d+\s*,\s*\d+\s*\))}), found without a regular expression.
 * {@link YamlSubsetParser} reads each such place as one plain value and gives up unless it is exactly that: each is
 * taken once read, and any left at the end were something else.
 */
final class YamlSizedTypes {

    /** Start offset to end offset of each value the quoting would quote; removed once read. */
    private final Map<Integer, Integer> found;

    private YamlSizedTypes(Map<Integer, Integer> found) {
        this.found = found;
    }

    /** The places in {@code text}; gives up where they would be hard to match exactly. */
    static YamlSizedTypes in(String text) {
        Map<Integer, Integer> found = new HashMap<>();
        int from = 0;
        while (true) {
            int at = text.indexOf("type:", from);
            if (at < 0) {
                return new YamlSizedTypes(found);
            }
            from = at + 1;
            if (at > 0) {
                char before = text.charAt(at - 1);
                if (before >= 0x80) {
                    throw UNSUPPORTED; // \b's idea of a word character beyond ASCII differs between JDKs
                }
                if (Character.isLetterOrDigit(before) || before == '_') {
                    continue;
                }
            }
            int i = at + 5;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            int value = i;
            if (i >= text.length() || !isAsciiLetter(text.charAt(i))) {
                continue;
            }
            while (i < text.length() && (isAsciiLetter(text.charAt(i)) || text.charAt(i) == ' ')) {
                i++;
            }
            if (i >= text.length() || text.charAt(i) != '(') {
                continue;
            }
            i = number(text, i + 1);
            if (i < 0 || i >= text.length() || text.charAt(i) != ',') {
                continue;
            }
            i = number(text, i + 1);
            if (i < 0 || i >= text.length() || text.charAt(i) != ')') {
                continue;
            }
            if (text.substring(value, i).indexOf('\n') >= 0 || text.substring(value, i).indexOf('\r') >= 0) {
                throw UNSUPPORTED;
            }
            found.put(value, i + 1);
            from = i + 1;
        }
    }

    /** Whether a quoted value would start at text offset {@code start}. */
    boolean startsAt(int start) {
        return found.containsKey(start);
    }

    /** The end offset of the quoted value starting at {@code start}, now read; or -1 when none starts there. */
    int take(int start) {
        Integer end = found.remove(start);
        return end == null ? -1 : end;
    }

    /** Whether every place has been read as a plain value. */
    boolean allTaken() {
        return found.isEmpty();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** Skips {@code \s*} (tabs were already refused). */
    private static int spaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    /** Skips {@code \s*\d+\s*} as the regex does, or -1 when there is no digit. */
    private static int number(String s, int i) {
        int end = digits(s, spaces(s, i));
        return end < 0 ? -1 : spaces(s, end);
    }

    /** Skips {@code \d+}, or -1 when there is no digit. */
    private static int digits(String s, int i) {
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i == start ? -1 : i;
    }
}
