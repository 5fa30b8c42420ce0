package dev.covet.migrations.loader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the YAML that migration files are written in (block mappings and sequences, one-line flow collections,
 * plain and quoted scalars, literal and simple folded block scalars, comments) straight into the tree that
 * {@link DocumentTrees} builds from Jackson's YAML parser. Why: on a cold JVM, loading and warming up the general
 * YAML scanner is the largest cost of reading a few files. Anything outside the subset, or malformed, gives
 * {@link Optional#empty()}; the caller then uses the Jackson path, so its errors and YAML's corners stay as they were.
 *
 * <p>Plain scalars are typed as Jackson 3's YAML module types them (snakeyaml-engine's JSON schema): {@code true},
 * {@code false}, {@code null}, empty, integers sized to fit and decimals; every other plain scalar that the schema
 * could read as a number gives up. The loader's {@code type: DECIMAL(10,2)} quoting is reproduced by taking each
 * place the quoting would touch as one plain value, and giving up unless it is exactly that.
 */
final class YamlSubsetParser {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Jackson refuses deeper documents; leave them to it. */
    private static final int MAX_DEPTH = 60;
    private static final Pattern INT = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]+");
    /** snakeyaml-engine's JSON-schema float: what is left of it after INT and DECIMAL is given up on. */
    private static final Pattern FLOAT =
            Pattern.compile("(-?(0|[1-9][0-9]*)(\\.[0-9]*)?([eE][-+]?[0-9]+)?)|(-?\\.inf)|(\\.nan)");

    /** Thrown to give up; no stack trace, as it is routine. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();
    /** An empty value: Jackson 3 reads it as an empty string, not as null. */
    private static final JsonNode EMPTY = NODES.stringNode("");

    private final String[] lines;
    /** Whether the text ends with a line break (the last entry of {@code lines} is then the empty rest). */
    private final boolean endsWithBreak;
    /** Start offset of each line in the original text, to match the sized-type quoting's positions. */
    private final int[] offsets;
    /** Where the sized-type quoting would quote a value: start offset to end offset, removed once read. */
    private final Map<Integer, Integer> sizedTypes;
    private int depth;

    private YamlSubsetParser(String[] lines, boolean endsWithBreak, int[] offsets, Map<Integer, Integer> sizedTypes) {
        this.lines = lines;
        this.endsWithBreak = endsWithBreak;
        this.offsets = offsets;
        this.sizedTypes = sizedTypes;
    }

    /** The tree Jackson would give for {@code content} (after the sized-type quoting), or empty to let Jackson do it. */
    static Optional<JsonNode> parse(String content) {
        try {
            return Optional.of(create(content).document());
        } catch (RuntimeException e) { // Unsupported, or a number or index the checks above did not foresee
            return Optional.empty();
        }
    }

    private static YamlSubsetParser create(String text) {
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
        return new YamlSubsetParser(lines.toArray(new String[0]), start == text.length() && !text.isEmpty()
                && at.length > 1, at, sizedTypes(text));
    }

    /**
     * The values that {@code MigrationDocumentReader}'s {@code UNQUOTED_SIZED_TYPE} would quote:
     * {@code \btype:[ \t]*([A-Za-z][A-Za-z ]*\(\s*\d+\s*,\s*\d+\s*\))}, found without a regular expression.
     */
    private static Map<Integer, Integer> sizedTypes(String text) {
        Map<Integer, Integer> found = new HashMap<>();
        int from = 0;
        while (true) {
            int at = text.indexOf("type:", from);
            if (at < 0) {
                return found;
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
            i = digits(text, spaces(text, i + 1));
            if (i < 0 || i >= text.length() || text.charAt(i) != ',') {
                continue;
            }
            i = digits(text, spaces(text, i + 1));
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

    /** Skips {@code \d+}, or -1 when there is no digit. */
    private static int digits(String s, int i) {
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i == start ? -1 : i;
    }

    // ---- document and block structure ----

    private JsonNode document() {
        int ln = nextContentLine(0);
        if (ln < lines.length && isMarker(lines[ln], "---")) {
            String rest = lines[ln].substring(3);
            if (!restIsBlank(rest, 0)) {
                throw UNSUPPORTED;
            }
            ln = nextContentLine(ln + 1);
            if (ln >= lines.length) {
                throw UNSUPPORTED; // an explicit empty document: a null, left to Jackson
            }
        }
        if (ln >= lines.length) {
            return NODES.missingNode();
        }
        int col = indentOf(lines[ln]);
        JsonNode root;
        int next;
        if (isSequenceEntry(lines[ln], col)) {
            ArrayNode seq = NODES.arrayNode();
            next = blockSequence(ln, col, seq, false);
            root = seq;
        } else {
            ObjectNode map = NODES.objectNode();
            next = blockMapping(ln, col, map);
            root = map;
        }
        if (next < lines.length || !sizedTypes.isEmpty()) {
            // Less indented than the root, a second document or a marker; or the sized-type quoting would have
            // changed something this parser did not read as a plain value.
            throw UNSUPPORTED;
        }
        return root;
    }

    /** Reads mapping entries whose keys start at column {@code col}, the first at line {@code ln}; the line after. */
    private int blockMapping(int ln, int col, ObjectNode map) {
        enter();
        while (true) {
            String line = lines[ln];
            if (col == 0 && (isMarker(line, "---") || isMarker(line, "..."))) {
                throw UNSUPPORTED;
            }
            int[] keyEnd = new int[1];
            String key = key(ln, col, keyEnd);
            int i = spacesFrom(line, keyEnd[0] + 1);
            if (restIsBlank(line, i)) {
                int next = nextContentLine(ln + 1);
                if (next < lines.length && indentOf(lines[next]) > col) {
                    ln = nestedBlock(next, map, key);
                } else if (next < lines.length && isSequenceEntry(lines[next], col)) {
                    // A sequence may sit at its key's own indentation.
                    ArrayNode seq = NODES.arrayNode();
                    map.set(key, seq);
                    ln = blockSequence(next, col, seq, true);
                } else {
                    map.set(key, EMPTY);
                    ln++;
                }
            } else {
                int[] end = {ln};
                map.set(key, inlineValue(ln, i, col, end));
                ln = end[0] + 1;
            }
            ln = afterEntry(ln, col);
            if (ln < 0) {
                leave();
                return -ln - 1;
            }
        }
    }

    /**
     * Reads {@code - item} lines whose dash is at column {@code col}, the first at line {@code ln}; the line after.
     * A sequence at its key's indentation ({@code atKeyIndent}) ends at the next key; any other at a lesser indent.
     */
    private int blockSequence(int ln, int col, ArrayNode seq, boolean atKeyIndent) {
        enter();
        while (true) {
            String line = lines[ln];
            if (!isSequenceEntry(line, col)) {
                if (atKeyIndent) {
                    leave();
                    return ln;
                }
                throw UNSUPPORTED;
            }
            int i = spacesFrom(line, col + 1);
            if (restIsBlank(line, i)) {
                int next = nextContentLine(ln + 1);
                if (next < lines.length && indentOf(lines[next]) > col) {
                    ln = nestedBlock(next, seq, null);
                } else {
                    seq.add(EMPTY);
                    ln++;
                }
            } else if (isSequenceEntry(line, i)) {
                ArrayNode inner = NODES.arrayNode();
                seq.add(inner);
                ln = blockSequence(ln, i, inner, false);
            } else if (isMappingEntry(line, i)) {
                ObjectNode inner = NODES.objectNode();
                seq.add(inner);
                ln = blockMapping(ln, i, inner);
            } else {
                int[] end = {ln};
                seq.add(inlineValue(ln, i, col, end));
                ln = end[0] + 1;
            }
            ln = afterEntry(ln, col);
            if (ln < 0) {
                leave();
                return -ln - 1;
            }
        }
    }

    /** A block collection on its own lines as a value; returns the line where the parent's next entry would be. */
    private int nestedBlock(int ln, JsonNode parent, String key) {
        int col = indentOf(lines[ln]);
        JsonNode child;
        int next;
        if (isSequenceEntry(lines[ln], col)) {
            ArrayNode seq = NODES.arrayNode();
            next = blockSequence(ln, col, seq, false);
            child = seq;
        } else if (isMappingEntry(lines[ln], col)) {
            ObjectNode map = NODES.objectNode();
            next = blockMapping(ln, col, map);
            child = map;
        } else {
            throw UNSUPPORTED; // a scalar or flow collection on the next line
        }
        if (parent instanceof ObjectNode map) {
            map.set(key, child);
        } else {
            ((ArrayNode) parent).add(child);
        }
        return next;
    }

    /**
     * After an entry of a collection at {@code col}: the next content line when it continues the collection, or
     * {@code -(line + 1)} when the collection ends there. A deeper line would continue a scalar: unsupported.
     */
    private int afterEntry(int ln, int col) {
        int next = nextContentLine(ln);
        if (next >= lines.length) {
            return -next - 1;
        }
        int indent = indentOf(lines[next]);
        if (indent > col) {
            throw UNSUPPORTED;
        }
        return indent == col ? next : -next - 1;
    }

    /** A value that starts on the line of its key or dash; {@code end[0]} is set to its last line. */
    private JsonNode inlineValue(int ln, int i, int parentCol, int[] end) {
        String line = lines[ln];
        char c = line.charAt(i);
        JsonNode value;
        if (c == '|' || c == '>') {
            return blockScalar(ln, i, parentCol, end);
        } else if (c == '[' || c == '{') {
            int[] pos = {i};
            value = flowCollection(ln, pos);
            i = pos[0];
        } else if (c == '"' || c == '\'') {
            int[] pos = {i};
            value = NODES.stringNode(quoted(line, pos));
            i = pos[0];
        } else {
            int[] pos = {i};
            value = plainValue(ln, line, pos, false);
            i = pos[0];
        }
        if (!restIsBlank(line, i)) {
            throw UNSUPPORTED;
        }
        end[0] = ln;
        return value;
    }

    // ---- scalars ----

    /** A key at {@code col} followed by {@code ':'} and a space or the line's end; {@code end[0]} at the colon. */
    private String key(int ln, int col, int[] end) {
        String line = lines[ln];
        char c = line.charAt(col);
        String key;
        int i;
        if (c == '"' || c == '\'') {
            int[] pos = {col};
            key = quoted(line, pos);
            i = pos[0];
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
        } else {
            if (sizedTypes.containsKey(offsets[ln] + col) || !plainStart(line, col)) {
                throw UNSUPPORTED;
            }
            i = col;
            while (i < line.length() && !(line.charAt(i) == ':' && isBlankOrEnd(line, i + 1))) {
                if (line.charAt(i) == '#' && line.charAt(i - 1) == ' ') {
                    throw UNSUPPORTED;
                }
                i++;
            }
            key = line.substring(col, i).stripTrailing();
        }
        if (i >= line.length() || line.charAt(i) != ':' || !isBlankOrEnd(line, i + 1) || i - col > 1000) {
            throw UNSUPPORTED;
        }
        end[0] = i;
        return key;
    }

    /** A plain scalar value from {@code pos[0]}, typed; in flow context it stops at flow indicators. */
    private JsonNode plainValue(int ln, String line, int[] pos, boolean flow) {
        int start = pos[0];
        Integer sized = sizedTypes.remove(offsets[ln] + start);
        if (sized != null) {
            // Quoted by the loader before Jackson sees it: one string, commas and all.
            pos[0] = sized - offsets[ln];
            return NODES.stringNode(line.substring(start, pos[0]));
        }
        if (!plainStart(line, start)) {
            throw UNSUPPORTED;
        }
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ':' && (isBlankOrEnd(line, i + 1) || flow)) {
                throw UNSUPPORTED; // a mapping inside a scalar, or a flow key: not in the subset
            }
            if (c == '#' && line.charAt(i - 1) == ' ') {
                break;
            }
            if (flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')) {
                break;
            }
            i++;
        }
        pos[0] = i;
        return typed(line.substring(start, i).stripTrailing());
    }

    /** Whether a plain scalar may start here: not an indicator (a dash only before a non-space, as in -1). */
    private static boolean plainStart(String line, int i) {
        char c = line.charAt(i);
        if ("?:,[]{}#&*!|>'\"%@`".indexOf(c) >= 0 || c == ' ') {
            return false;
        }
        return c != '-' || !isBlankOrEnd(line, i + 1);
    }

    /** The JSON-schema type of a plain scalar, as Jackson 3's YAML parser reports it. */
    private static JsonNode typed(String text) {
        switch (text) {
            case "null":
                return NODES.nullNode();
            case "true":
                return NODES.booleanNode(true);
            case "false":
                return NODES.booleanNode(false);
            default:
                break;
        }
        char c = text.charAt(0);
        if (c != '-' && c != '.' && (c < '0' || c > '9')) {
            return NODES.stringNode(text);
        }
        if (INT.matcher(text).matches()) {
            BigInteger big = new BigInteger(text);
            if (big.bitLength() < 32) {
                return NODES.numberNode(big.intValue());
            }
            return big.bitLength() < 64 ? NODES.numberNode(big.longValue()) : NODES.numberNode(big);
        }
        if (DECIMAL.matcher(text).matches()) {
            return NODES.numberNode(Double.parseDouble(text));
        }
        if (FLOAT.matcher(text).matches()) {
            throw UNSUPPORTED; // exponents, 1., .inf, .nan
        }
        return NODES.stringNode(text);
    }

    /** A single- or double-quoted scalar on one line, from the quote at {@code pos[0]} to just past its end. */
    private static String quoted(String line, int[] pos) {
        char quote = line.charAt(pos[0]);
        StringBuilder out = new StringBuilder();
        int i = pos[0] + 1;
        while (true) {
            if (i >= line.length()) {
                throw UNSUPPORTED; // spans lines
            }
            char c = line.charAt(i++);
            if (c == quote) {
                if (quote == '\'' && i < line.length() && line.charAt(i) == '\'') {
                    out.append('\'');
                    i++;
                    continue;
                }
                pos[0] = i;
                return out.toString();
            }
            if (c == '\\' && quote == '"') {
                if (i >= line.length()) {
                    throw UNSUPPORTED;
                }
                char e = line.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'u' -> {
                        if (i + 4 > line.length()) {
                            throw UNSUPPORTED;
                        }
                        char u = (char) Integer.parseInt(line.substring(i, i + 4), 16);
                        if (Character.isSurrogate(u) || line.charAt(i) == '+' || line.charAt(i) == '-') {
                            throw UNSUPPORTED;
                        }
                        out.append(u);
                        i += 4;
                    }
                    default -> throw UNSUPPORTED;
                }
            } else {
                out.append(c);
            }
        }
    }

    /**
     * A literal ({@code |}, {@code |-}, {@code |+}) or folded ({@code >}, {@code >-}, {@code >+}) block scalar whose
     * indicator is at {@code i}. Folding is done only when no line is more indented than the first and no line is
     * empty: the cases where it simply joins lines with spaces.
     */
    private JsonNode blockScalar(int ln, int i, int parentCol, int[] end) {
        String header = lines[ln];
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
        int contentLimit = endsWithBreak ? lines.length - 1 : lines.length;
        for (; k < contentLimit; k++) {
            String line = lines[k];
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
            String line = lines[j];
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
        boolean lastHasBreak = last < lines.length - 1;
        if (chomp == ' ' && lastHasBreak) {
            out.append('\n');
        } else if (chomp == '+') {
            if (k != last + 1 || !lastHasBreak) {
                throw UNSUPPORTED; // trailing empty lines: left to Jackson
            }
            out.append('\n');
        }
        end[0] = last;
        return NODES.stringNode(out.toString());
    }

    // ---- flow collections (one line) ----

    private JsonNode flowCollection(int ln, int[] pos) {
        enter();
        String line = lines[ln];
        boolean mapping = line.charAt(pos[0]) == '{';
        char close = mapping ? '}' : ']';
        JsonNode node = mapping ? NODES.objectNode() : NODES.arrayNode();
        int i = spacesFrom(line, pos[0] + 1);
        if (i < line.length() && line.charAt(i) == close) {
            pos[0] = i + 1;
            leave();
            return node;
        }
        while (true) {
            pos[0] = i;
            if (mapping) {
                String key = flowKey(ln, pos);
                i = spacesFrom(line, pos[0]);
                if (i >= line.length() || line.charAt(i) != ':' || !isBlankOrEnd(line, i + 1)) {
                    throw UNSUPPORTED;
                }
                i = spacesFrom(line, i + 1);
                JsonNode value;
                if (i < line.length() && (line.charAt(i) == ',' || line.charAt(i) == '}')) {
                    value = EMPTY;
                } else {
                    pos[0] = i;
                    value = flowValue(ln, pos);
                    i = pos[0];
                }
                ((ObjectNode) node).set(key, value);
            } else {
                ((ArrayNode) node).add(flowValue(ln, pos));
                i = pos[0];
            }
            i = spacesFrom(line, i);
            if (i >= line.length()) {
                throw UNSUPPORTED; // spans lines
            }
            char c = line.charAt(i);
            if (c == close) {
                pos[0] = i + 1;
                leave();
                return node;
            }
            if (c != ',') {
                throw UNSUPPORTED;
            }
            i = spacesFrom(line, i + 1);
            if (i >= line.length() || line.charAt(i) == ',' || line.charAt(i) == close) {
                throw UNSUPPORTED; // trailing or doubled commas
            }
        }
    }

    private JsonNode flowValue(int ln, int[] pos) {
        String line = lines[ln];
        if (pos[0] >= line.length()) {
            throw UNSUPPORTED;
        }
        char c = line.charAt(pos[0]);
        if (c == '[' || c == '{') {
            return flowCollection(ln, pos);
        }
        if (c == '"' || c == '\'') {
            return NODES.stringNode(quoted(line, pos));
        }
        return plainValue(ln, line, pos, true);
    }

    private String flowKey(int ln, int[] pos) {
        String line = lines[ln];
        char c = line.charAt(pos[0]);
        if (c == '"' || c == '\'') {
            return quoted(line, pos);
        }
        int start = pos[0];
        if (!plainStart(line, start) || sizedTypes.containsKey(offsets[ln] + start)) {
            throw UNSUPPORTED;
        }
        int i = start;
        while (i < line.length() && ",[]{}:#".indexOf(line.charAt(i)) < 0) {
            i++;
        }
        if (i < line.length() && line.charAt(i) == '#') {
            throw UNSUPPORTED;
        }
        pos[0] = i;
        return line.substring(start, i).stripTrailing();
    }

    // ---- lines ----

    /** The first line at or after {@code ln} that is neither blank nor only a comment. */
    private int nextContentLine(int ln) {
        while (ln < lines.length && restIsBlank(lines[ln], indentOf(lines[ln]))) {
            ln++;
        }
        return ln;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int spacesFrom(String line, int i) {
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Whether from {@code i} there are only spaces and perhaps a comment (which must follow a space or start). */
    private static boolean restIsBlank(String line, int i) {
        int j = spacesFrom(line, i);
        return j >= line.length() || line.charAt(j) == '#' && (j == 0 || line.charAt(j - 1) == ' ');
    }

    private static boolean isBlankOrEnd(String line, int i) {
        return i >= line.length() || line.charAt(i) == ' ';
    }

    private static boolean isSequenceEntry(String line, int col) {
        return col < line.length() && line.charAt(col) == '-' && isBlankOrEnd(line, col + 1);
    }

    private static boolean isMappingEntry(String line, int col) {
        try {
            return keyLike(line, col);
        } catch (Unsupported e) {
            return false;
        }
    }

    /** A cheap check that a key and {@code ": "} start at {@code col}; {@link #key} does the real reading. */
    private static boolean keyLike(String line, int col) {
        char c = line.charAt(col);
        if (c == '"' || c == '\'') {
            int[] pos = {col};
            quoted(line, pos);
            int i = spacesFrom(line, pos[0]);
            return i < line.length() && line.charAt(i) == ':' && isBlankOrEnd(line, i + 1);
        }
        if (!plainStart(line, col)) {
            return false;
        }
        for (int i = col; i < line.length(); i++) {
            if (line.charAt(i) == ':' && isBlankOrEnd(line, i + 1)) {
                return true;
            }
            if (line.charAt(i) == '#' && line.charAt(i - 1) == ' ') {
                return false;
            }
        }
        return false;
    }

    private static boolean isMarker(String line, String marker) {
        return line.startsWith(marker) && isBlankOrEnd(line, marker.length());
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw UNSUPPORTED;
        }
    }

    private void leave() {
        depth--;
    }
}
