package dev.covet.migrations.internal.loader;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Predicate;

/**
 * Builds a plain tree from a YAML or JSON token stream. Doing it here instead of through an {@code ObjectMapper}
 * spares a cold start the mapper's construction (hundreds of classes, 250–450 ms measured in the benchmarks), the
 * largest fixed cost of a run that parses files. The tree is what a mapper's {@code readTree} gives: objects,
 * arrays, strings, booleans, nulls, integers sized to fit and floating-point numbers as doubles; a repeated key
 * is an error (a file must mean one thing, not whichever copy a reader keeps); anything after the first value (a second YAML document) is an error.
 */
final class DocumentTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DocumentTrees() {
    }

    /**
     * The document's tree, or a missing node for an empty document.
     *
     * @throws JacksonException with the location of malformed input
     */
    static JsonNode read(TokenStreamFactory factory, String content) {
        return read(factory, content, p -> false);
    }

    /**
     * As {@link #read(TokenStreamFactory, String)}, refusing a YAML alias ({@code *name}): Jackson reports one as the
     * string {@code name}, where YAML means a copy of the anchored value, so the file would mean two things.
     *
     * @param isAlias whether the parser's current token is an alias (given by the YAML caller, so that reading JSON
     *        never loads the YAML module)
     */
    static JsonNode read(TokenStreamFactory factory, String content, Predicate<JsonParser> isAlias) {
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), content)) {
            JsonToken token = p.nextToken();
            if (token == null) {
                return NODES.missingNode();
            }
            JsonNode tree = value(p, token, isAlias);
            if (p.nextToken() != null) {
                throw new StreamReadException(p, "content after the document's first value (one document per file)");
            }
            return tree;
        }
    }

    /** Reads the value starting at {@code token}; containers iteratively, so nesting depth costs no stack. */
    private static JsonNode value(JsonParser p, JsonToken token, Predicate<JsonParser> isAlias) {
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return scalar(p, token, isAlias);
        }
        JsonNode root = token == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
        Deque<JsonNode> open = new ArrayDeque<>();
        open.push(root);
        String name = null;
        while (!open.isEmpty()) {
            JsonToken t = p.nextToken();
            if (t == null) {
                break;
            }
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                open.pop();
                continue;
            }
            if (t == JsonToken.PROPERTY_NAME) {
                name = p.currentName();
                if (open.peek().has(name)) {
                    throw new StreamReadException(p, "duplicate key '" + name + "' (each key may appear once in a mapping)");
                }
                continue;
            }
            JsonNode child = t == JsonToken.START_OBJECT ? NODES.objectNode()
                    : t == JsonToken.START_ARRAY ? NODES.arrayNode() : scalar(p, t, isAlias);
            JsonNode parent = open.peek();
            if (parent instanceof ObjectNode object) {
                object.set(name, child);
            } else {
                ((ArrayNode) parent).add(child);
            }
            if (child.isContainer()) {
                open.push(child);
            }
        }
        return root;
    }

    private static JsonNode scalar(JsonParser p, JsonToken token, Predicate<JsonParser> isAlias) {
        if (isAlias.test(p)) {
            throw new StreamReadException(p, "a YAML alias (*" + p.getString() + ") is not supported: write the value out");
        }
        return switch (token) {
            case VALUE_STRING -> NODES.stringNode(p.getString());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> {
                double value = p.getDoubleValue();
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    // 1e400 would otherwise become Infinity and fail later with a message naming no field.
                    throw new StreamReadException(p, "number " + p.getString() + " is out of range");
                }
                yield NODES.numberNode(value);
            }
            case VALUE_EMBEDDED_OBJECT -> {
                Object embedded = p.getEmbeddedObject();
                yield embedded == null ? NODES.nullNode() : NODES.stringNode(embedded.toString());
            }
            default -> throw new IllegalStateException("unexpected token " + token);
        };
    }
}
