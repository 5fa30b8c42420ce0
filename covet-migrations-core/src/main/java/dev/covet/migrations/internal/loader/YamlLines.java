package dev.covet.migrations.internal.loader;

import java.util.ArrayList;
import java.util.List;

import static dev.covet.migrations.internal.loader.YamlUnsupported.UNSUPPORTED;

/**
 * A YAML text as lines for {@link YamlSubsetParser}: CRLF reads as LF, and each line keeps its start offset in the
 * text, where the sized-type quoting's positions are counted. Also the helpers that look at spaces, comments and
 * indentation within a line.
 */
final class YamlLines {

    private final String[] lines;
    /** Whether the text ends with a line break (the last line is then the empty rest). */
    private final boolean endsWithBreak;
    /** Start offset of each line in the original text, to match the sized-type quoting's positions. */
    private final int[] offsets;

    private YamlLines(String[] lines, boolean endsWithBreak, int[] offsets) {
        this.lines = lines;
        this.endsWithBreak = endsWithBreak;
        this.offsets = offsets;
    }

    /** Splits {@code text} into lines; gives up on a lone CR, tabs, and control and special characters. */
    static YamlLines of(String text) {
        List<String> lines = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = i;
                if (c == '\r') {
                    // CRLF reads as LF; a lone CR is left to Jackson.
                    if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                        throw UNSUPPORTED;
                    }
                    i++;
                }
                lines.add(text.substring(start, end));
                offsets.add(start);
                start = i + 1;
            } else if (c == '\t' || c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFEFF' || c == '\u2028'
                    || c == '\u2029' || c >= '\uFFFE' || Character.isSurrogate(c)) {
                // Tabs, control and special characters: YAML's rules for them are not worth repeating here.
                throw UNSUPPORTED;
            }
        }
        lines.add(text.substring(start));
        offsets.add(start);
        // Plain loops, no lambdas: their bootstrap alone costs a cold JVM tens of milliseconds.
        int[] at = new int[offsets.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = offsets.get(i);
        }
        return new YamlLines(lines.toArray(new String[0]), start == text.length() && !text.isEmpty()
                && at.length > 1, at);
    }

    /** The number of lines, counting the empty rest after a final line break. */
    int count() {
        return lines.length;
    }

    String line(int ln) {
        return lines[ln];
    }

    /** The offset in the text of column {@code col} of line {@code ln}. */
    int offset(int ln, int col) {
        return offsets[ln] + col;
    }

    /** Whether the text ends with a line break. */
    boolean endsWithBreak() {
        return endsWithBreak;
    }

    /** The first line at or after {@code ln} that is neither blank nor only a comment. */
    int nextContentLine(int ln) {
        while (ln < lines.length && restIsBlank(lines[ln], indentOf(lines[ln]))) {
            ln++;
        }
        return ln;
    }

    static int indentOf(String line) {
        return spacesFrom(line, 0);
    }

    static int spacesFrom(String line, int i) {
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Whether from {@code i} there are only spaces and perhaps a comment (which must follow a space or start). */
    static boolean restIsBlank(String line, int i) {
        int j = spacesFrom(line, i);
        return j >= line.length() || line.charAt(j) == '#' && (j == 0 || line.charAt(j - 1) == ' ');
    }

    static boolean isBlankOrEnd(String line, int i) {
        return i >= line.length() || line.charAt(i) == ' ';
    }

    static boolean isSequenceEntry(String line, int col) {
        return col < line.length() && line.charAt(col) == '-' && isBlankOrEnd(line, col + 1);
    }

    static boolean isMarker(String line, String marker) {
        return line.startsWith(marker) && isBlankOrEnd(line, marker.length());
    }
}
