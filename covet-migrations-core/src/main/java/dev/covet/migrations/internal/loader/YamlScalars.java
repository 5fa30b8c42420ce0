package dev.covet.migrations.internal.loader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.math.BigInteger;
import java.util.regex.Pattern;

import static dev.covet.migrations.internal.loader.YamlLines.isBlankOrEnd;
import static dev.covet.migrations.internal.loader.YamlLines.spacesFrom;
import static dev.covet.migrations.internal.loader.YamlUnsupported.UNSUPPORTED;

/**
 * Keys and one-line scalars for {@link YamlSubsetParser}: plain scalars typed as Jackson 3's YAML module types them
 * (snakeyaml-engine's JSON schema), single- and double-quoted scalars, and the values the loader's
 * {@code type: DECIMAL(10,2)} quoting turns into strings ({@link YamlSizedTypes}).
 */
final class YamlScalars {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** An empty value: Jackson 3 reads it as an empty string, not as null. */
    static final JsonNode EMPTY = NODES.stringNode("");
    private static final Pattern INT = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]+");
    /** snakeyaml-engine's JSON-schema float: what is left of it after INT and DECIMAL is given up on. */
    private static final Pattern FLOAT =
            Pattern.compile("(-?(0|[1-9][0-9]*)(\\.[0-9]*)?([eE][-+]?[0-9]+)?)|(-?\\.inf)|(\\.nan)");

    private final YamlLines lines;
    private final YamlSizedTypes sizedTypes;

    YamlScalars(YamlLines lines, YamlSizedTypes sizedTypes) {
        this.lines = lines;
        this.sizedTypes = sizedTypes;
    }

    /** Whether the sized-type quoting would quote a value starting at column {@code col} of line {@code ln}. */
    boolean sizedTypeAt(int ln, int col) {
        return sizedTypes.startsAt(lines.offset(ln, col));
    }

    /** A key at {@code col} followed by {@code ':'} and a space or the line's end; {@code end[0]} at the colon. */
    String key(int ln, int col, int[] end) {
        String line = lines.line(ln);
        char c = line.charAt(col);
        String key;
        int i;
        if (c == '"' || c == '\'') {
            int[] pos = {col};
            key = quoted(line, pos);
            i = spacesFrom(line, pos[0]);
        } else {
            if (sizedTypeAt(ln, col) || !plainStart(line, col)) {
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

    /** Whether a mapping entry starts at {@code col}: a cheap check; {@link #key} does the real reading. */
    static boolean isMappingEntry(String line, int col) {
        try {
            return keyLike(line, col);
        } catch (YamlUnsupported e) {
            return false;
        }
    }

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

    /** A plain scalar value from {@code pos[0]} of line {@code ln}, typed; in flow context it stops at indicators. */
    JsonNode plainValue(int ln, int[] pos, boolean flow) {
        String line = lines.line(ln);
        int start = pos[0];
        int sized = sizedTypes.take(lines.offset(ln, start));
        if (sized >= 0) {
            // Quoted by the loader before Jackson sees it: one string, commas and all.
            pos[0] = sized - lines.offset(ln, 0);
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
    static boolean plainStart(String line, int i) {
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
            double value = Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                throw UNSUPPORTED; // out of range: the Jackson path refuses it with its line
            }
            return NODES.numberNode(value);
        }
        if (FLOAT.matcher(text).matches()) {
            throw UNSUPPORTED; // exponents, 1., .inf, .nan
        }
        return NODES.stringNode(text);
    }

    /** A single- or double-quoted scalar on one line, from the quote at {@code pos[0]} to just past its end. */
    static String quoted(String line, int[] pos) {
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
}
