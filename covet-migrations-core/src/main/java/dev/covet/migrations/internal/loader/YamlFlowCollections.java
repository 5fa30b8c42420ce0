package dev.covet.migrations.internal.loader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static dev.covet.migrations.internal.loader.YamlLines.isBlankOrEnd;
import static dev.covet.migrations.internal.loader.YamlLines.spacesFrom;
import static dev.covet.migrations.internal.loader.YamlUnsupported.UNSUPPORTED;

/**
 * Flow mappings ({@code {a: 1}}) and sequences ({@code [1, 2]}) for {@link YamlSubsetParser}, nested or not, as long
 * as each stays on one line. Keys are plain or quoted scalars; trailing or doubled commas give up.
 */
final class YamlFlowCollections {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final YamlLines lines;
    private final YamlScalars scalars;

    YamlFlowCollections(YamlLines lines, YamlScalars scalars) {
        this.lines = lines;
        this.scalars = scalars;
    }

    /**
     * The flow collection that opens at {@code pos[0]} of line {@code ln}, inside {@code depth} collections;
     * {@code pos[0]} is set to just past its end.
     */
    JsonNode collection(int ln, int[] pos, int depth) {
        depth++;
        if (depth > YamlSubsetParser.MAX_DEPTH) {
            throw UNSUPPORTED;
        }
        String line = lines.line(ln);
        boolean mapping = line.charAt(pos[0]) == '{';
        char close = mapping ? '}' : ']';
        JsonNode node = mapping ? NODES.objectNode() : NODES.arrayNode();
        int i = spacesFrom(line, pos[0] + 1);
        if (i < line.length() && line.charAt(i) == close) {
            pos[0] = i + 1;
            return node;
        }
        while (true) {
            pos[0] = i;
            if (mapping) {
                String key = key(ln, pos);
                i = spacesFrom(line, pos[0]);
                if (i >= line.length() || line.charAt(i) != ':' || !isBlankOrEnd(line, i + 1)) {
                    throw UNSUPPORTED;
                }
                i = spacesFrom(line, i + 1);
                JsonNode value;
                if (i < line.length() && (line.charAt(i) == ',' || line.charAt(i) == '}')) {
                    value = YamlScalars.EMPTY;
                } else {
                    pos[0] = i;
                    value = value(ln, pos, depth);
                    i = pos[0];
                }
                if (node.has(key)) {
                    throw UNSUPPORTED; // a repeated key: the Jackson path refuses it with its line
                }
                ((ObjectNode) node).set(key, value);
            } else {
                ((ArrayNode) node).add(value(ln, pos, depth));
                i = pos[0];
            }
            i = spacesFrom(line, i);
            if (i >= line.length()) {
                throw UNSUPPORTED; // spans lines
            }
            char c = line.charAt(i);
            if (c == close) {
                pos[0] = i + 1;
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

    private JsonNode value(int ln, int[] pos, int depth) {
        String line = lines.line(ln);
        if (pos[0] >= line.length()) {
            throw UNSUPPORTED;
        }
        char c = line.charAt(pos[0]);
        if (c == '[' || c == '{') {
            return collection(ln, pos, depth);
        }
        if (c == '"' || c == '\'') {
            return NODES.stringNode(YamlScalars.quoted(line, pos));
        }
        return scalars.plainValue(ln, pos, true);
    }

    private String key(int ln, int[] pos) {
        String line = lines.line(ln);
        char c = line.charAt(pos[0]);
        if (c == '"' || c == '\'') {
            return YamlScalars.quoted(line, pos);
        }
        int start = pos[0];
        if (!YamlScalars.plainStart(line, start) || scalars.sizedTypeAt(ln, start)) {
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
}
