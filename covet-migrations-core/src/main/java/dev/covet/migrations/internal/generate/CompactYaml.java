package dev.covet.migrations.internal.generate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Emits a JSON tree as YAML the way people write migrations: block style for the document and the operations,
 * one flow mapping per line for each definition ({@code - {name: id, type: BIGINT, nullable: false}}). A
 * string is written plain only when it cannot be misread (no YAML indicator, not a number, boolean or null);
 * otherwise as a JSON string, which YAML reads as the same double-quoted scalar.
 */
final class CompactYaml {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.()/-]*( [A-Za-z0-9_.()/-]+)*"
            + "|\\d+_[A-Za-z][A-Za-z0-9_]*");
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n", "~");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CompactYaml() {
    }

    /** The tree as a YAML document. */
    static String write(JsonNode root) {
        StringBuilder out = new StringBuilder();
        blockMap(root, 0, out);
        return out.toString();
    }

    private static void blockMap(JsonNode map, int indent, StringBuilder out) {
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            // The first key of a list item shares the "- " line.
            if (!first || indent == 0) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(e.getKey()).append(':');
            JsonNode value = e.getValue();
            if (value.isArray() && hasObjects(value)) {
                out.append('\n');
                for (JsonNode item : value) {
                    out.append(" ".repeat(indent + 2)).append("- ");
                    // Operations (the document's own lists) stay block style, one key per line.
                    if (indent > 0 && isFlat(item)) {
                        out.append(flow(item)).append('\n');
                    } else {
                        blockMap(item, indent + 4, out);
                    }
                }
            } else if (value.isObject() && !isFlat(value)) {
                out.append('\n').append(" ".repeat(indent + 2));
                blockMap(value, indent + 2, out);
            } else {
                out.append(' ').append(flow(value)).append('\n');
            }
        }
    }

    /** Whether the node can go on one line: no list of mappings anywhere inside it. */
    private static boolean isFlat(JsonNode node) {
        if (node.isArray()) {
            if (hasObjects(node)) {
                return false;
            }
        }
        for (JsonNode child : node) {
            if (!isFlat(child)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasObjects(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isObject()) {
                return true;
            }
        }
        return false;
    }

    private static String flow(JsonNode node) {
        if (node.isObject()) {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                b.append(b.length() > 1 ? ", " : "").append(e.getKey()).append(": ").append(flow(e.getValue()));
            }
            return b.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (JsonNode item : node) {
                b.append(b.length() > 1 ? ", " : "").append(flow(item));
            }
            return b.append(']').toString();
        }
        if (node.isString()) {
            String text = node.asString();
            return PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT))
                    ? text : JSON.writeValueAsString(text);
        }
        return node.isNull() ? "null" : node.toString();
    }
}
