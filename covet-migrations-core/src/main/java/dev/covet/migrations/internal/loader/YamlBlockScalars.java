package dev.covet.migrations.internal.loader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static dev.covet.migrations.internal.loader.YamlLines.indentOf;
import static dev.covet.migrations.internal.loader.YamlUnsupported.UNSUPPORTED;

/**
 * Literal ({@code |}, {@code |-}, {@code |+}) and folded ({@code >}, {@code >-}, {@code >+}) block scalars for
 * {@link YamlSubsetParser}. Folding is done only when no line is more indented than the first and no line is empty:
 * the cases where it simply joins lines with spaces.
 */
final class YamlBlockScalars {

    private YamlBlockScalars() {
    }

    /**
     * The block scalar whose indicator is at column {@code i} of line {@code ln}, in a collection at
     * {@code parentCol}; {@code end[0]} is set to its last line.
     */
    static JsonNode read(YamlLines lines, int ln, int i, int parentCol, int[] end) {
        String header = lines.line(ln);
        boolean literal = header.charAt(i) == '|';
        char chomp = i + 1 < header.length() ? header.charAt(i + 1) : ' ';
        if (chomp != '-' && chomp != '+') {
            chomp = ' ';
        }
        int after = chomp == ' ' ? i + 1 : i + 2;
        if (after < header.length() && header.charAt(after) != ' ' || !header.substring(after).isBlank()) {
            throw UNSUPPORTED; // indentation indicators, comments, content on the header line
        }
        int indent = -1;
        int last = -1; // last line with content
        int k = ln + 1;
        int contentLimit = lines.endsWithBreak() ? lines.count() - 1 : lines.count();
        for (; k < contentLimit; k++) {
            String line = lines.line(k);
            int lineIndent = indentOf(line);
            boolean blank = lineIndent == line.length();
            if (indent < 0) {
                if (blank) {
                    throw UNSUPPORTED; // leading empty lines
                }
                if (lineIndent <= parentCol) {
                    break;
                }
                indent = lineIndent;
            }
            if (blank) {
                if (line.length() > indent) {
                    throw UNSUPPORTED; // a line of spaces beyond the indentation
                }
                continue;
            }
            if (lineIndent < indent) {
                break;
            }
            last = k;
        }
        if (last < 0) {
            throw UNSUPPORTED; // empty
        }
        StringBuilder out = new StringBuilder();
        for (int j = ln + 1; j <= last; j++) {
            String line = lines.line(j);
            boolean blank = indentOf(line) == line.length();
            String text = blank ? "" : line.substring(indent);
            if (!literal && (text.startsWith(" ") || blank)) {
                throw UNSUPPORTED; // folding with more-indented or empty lines
            }
            if (j > ln + 1) {
                out.append(literal ? '\n' : ' ');
            }
            out.append(text);
        }
        boolean lastHasBreak = last < lines.count() - 1;
        if (chomp == ' ' && lastHasBreak) {
            out.append('\n');
        } else if (chomp == '+') {
            if (k != last + 1 || !lastHasBreak) {
                throw UNSUPPORTED; // trailing empty lines: left to Jackson
            }
            out.append('\n');
        }
        end[0] = last;
        return JsonNodeFactory.instance.stringNode(out.toString());
    }
}
