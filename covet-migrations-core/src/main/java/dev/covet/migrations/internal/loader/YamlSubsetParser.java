package dev.covet.migrations.internal.loader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

import static dev.covet.migrations.internal.loader.YamlLines.indentOf;
import static dev.covet.migrations.internal.loader.YamlLines.isMarker;
import static dev.covet.migrations.internal.loader.YamlLines.isSequenceEntry;
import static dev.covet.migrations.internal.loader.YamlLines.restIsBlank;
import static dev.covet.migrations.internal.loader.YamlLines.spacesFrom;
import static dev.covet.migrations.internal.loader.YamlUnsupported.UNSUPPORTED;

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
 *
 * <p>This class reads the document and its block structure; {@link YamlLines} splits the text,
 * {@link YamlSizedTypes} finds the sized types, {@link YamlScalars}, {@link YamlBlockScalars} and
 * {@link YamlFlowCollections} read the values, and any of them gives up with {@link YamlUnsupported}.
 */
final class YamlSubsetParser {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Jackson refuses deeper documents; leave them to it. Counts block and flow collections together. */
    static final int MAX_DEPTH = 60;

    private final YamlLines lines;
    private final YamlSizedTypes sizedTypes;
    private final YamlScalars scalars;
    private final YamlFlowCollections flow;
    private int depth;

    private YamlSubsetParser(YamlLines lines, YamlSizedTypes sizedTypes) {
        this.lines = lines;
        this.sizedTypes = sizedTypes;
        this.scalars = new YamlScalars(lines, sizedTypes);
        this.flow = new YamlFlowCollections(lines, scalars);
    }

    /** The tree Jackson would give for {@code content} (after the sized-type quoting), or empty to let Jackson do it. */
    static Optional<JsonNode> parse(String content) {
        try {
            YamlLines lines = YamlLines.of(content);
            return Optional.of(new YamlSubsetParser(lines, YamlSizedTypes.in(content)).document());
        } catch (RuntimeException e) { // YamlUnsupported, or a number or index the checks did not foresee
            return Optional.empty();
        }
    }

    private JsonNode document() {
        int ln = lines.nextContentLine(0);
        if (ln < lines.count() && isMarker(lines.line(ln), "---")) {
            String rest = lines.line(ln).substring(3);
            if (!restIsBlank(rest, 0)) {
                throw UNSUPPORTED;
            }
            ln = lines.nextContentLine(ln + 1);
            if (ln >= lines.count()) {
                throw UNSUPPORTED; // an explicit empty document: a null, left to Jackson
            }
        }
        if (ln >= lines.count()) {
            return NODES.missingNode();
        }
        int col = indentOf(lines.line(ln));
        JsonNode root;
        int next;
        if (isSequenceEntry(lines.line(ln), col)) {
            ArrayNode seq = NODES.arrayNode();
            next = blockSequence(ln, col, seq, false);
            root = seq;
        } else {
            ObjectNode map = NODES.objectNode();
            next = blockMapping(ln, col, map);
            root = map;
        }
        if (next < lines.count() || !sizedTypes.allTaken()) {
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
            String line = lines.line(ln);
            if (col == 0 && (isMarker(line, "---") || isMarker(line, "..."))) {
                throw UNSUPPORTED;
            }
            int[] keyEnd = new int[1];
            String key = scalars.key(ln, col, keyEnd);
            if (map.has(key)) {
                throw UNSUPPORTED; // a repeated key: the Jackson path refuses it with its line
            }
            int i = spacesFrom(line, keyEnd[0] + 1);
            if (restIsBlank(line, i)) {
                int next = lines.nextContentLine(ln + 1);
                if (next < lines.count() && indentOf(lines.line(next)) > col) {
                    ln = nestedBlock(next, map, key);
                } else if (next < lines.count() && indentOf(lines.line(next)) == col && isSequenceEntry(lines.line(next), col)) {
                    // A sequence may sit at its key's own indentation.
                    ArrayNode seq = NODES.arrayNode();
                    map.set(key, seq);
                    ln = blockSequence(next, col, seq, true);
                } else {
                    map.set(key, YamlScalars.EMPTY);
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
            String line = lines.line(ln);
            if (!isSequenceEntry(line, col)) {
                if (atKeyIndent) {
                    leave();
                    return ln;
                }
                throw UNSUPPORTED;
            }
            int i = spacesFrom(line, col + 1);
            if (restIsBlank(line, i)) {
                int next = lines.nextContentLine(ln + 1);
                if (next < lines.count() && indentOf(lines.line(next)) > col) {
                    ln = nestedBlock(next, seq, null);
                } else {
                    seq.add(YamlScalars.EMPTY);
                    ln++;
                }
            } else if (isSequenceEntry(line, i)) {
                ArrayNode inner = NODES.arrayNode();
                seq.add(inner);
                ln = blockSequence(ln, i, inner, false);
            } else if (YamlScalars.isMappingEntry(line, i)) {
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
        String line = lines.line(ln);
        int col = indentOf(line);
        JsonNode child;
        int next;
        if (isSequenceEntry(line, col)) {
            ArrayNode seq = NODES.arrayNode();
            next = blockSequence(ln, col, seq, false);
            child = seq;
        } else if (YamlScalars.isMappingEntry(line, col)) {
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
        int next = lines.nextContentLine(ln);
        if (next >= lines.count()) {
            return -next - 1;
        }
        int indent = indentOf(lines.line(next));
        if (indent > col) {
            throw UNSUPPORTED;
        }
        return indent == col ? next : -next - 1;
    }

    /** A value that starts on the line of its key or dash; {@code end[0]} is set to its last line. */
    private JsonNode inlineValue(int ln, int i, int parentCol, int[] end) {
        String line = lines.line(ln);
        char c = line.charAt(i);
        if (c == '|' || c == '>') {
            return YamlBlockScalars.read(lines, ln, i, parentCol, end);
        }
        int[] pos = {i};
        JsonNode value;
        if (c == '[' || c == '{') {
            value = flow.collection(ln, pos, depth);
        } else if (c == '"' || c == '\'') {
            value = NODES.stringNode(YamlScalars.quoted(line, pos));
        } else {
            value = scalars.plainValue(ln, pos, false);
        }
        if (!restIsBlank(line, pos[0])) {
            throw UNSUPPORTED;
        }
        end[0] = ln;
        return value;
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
