package dev.covet.migrations.internal.loader;

import dev.covet.migrations.loader.MigrationFileException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An object node of a migration document with its path, so every error names the file and the field. Reads
 * only plain values (strings, numbers, booleans, lists, maps): nothing in a file can name a class.
 */
final class Fields {

    private final String file;
    private final String path;
    private final JsonNode node;

    private Fields(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** The document root, which must be a mapping. */
    static Fields root(String file, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new MigrationFileException(file, null, "the file must be a mapping with 'operations' (and optional"
                    + " 'description', 'app', 'dependencies', 'forward_sql', 'backward_sql')");
        }
        return new Fields(file, "", node);
    }

    /** The same node seen without one key (its caller has consumed it). */
    Fields withoutKey(String key) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove(key);
        return new Fields(file, path, copy);
    }

    String file() {
        return file;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    MigrationFileException error(String key, String problem) {
        return new MigrationFileException(file, key == null ? path : path(key), problem);
    }

    /** Fails on keys outside {@code allowed}, naming the unknown key (a typo like {@code nulable} is not ignored). */
    Fields allowOnly(Set<String> allowed) {
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key) && key.matches("\\s*\\d+\\s*\\)")) {
                throw error(key, "looks like the rest of a type such as DECIMAL(10,2) split at its comma: in a {...}"
                        + " mapping, quote it: type: \"DECIMAL(10,2)\"");
            }
            if (!allowed.contains(key)) {
                throw error(key, "unknown key (allowed here: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    JsonNode raw(String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    String requireString(String key) {
        String value = optString(key);
        if (value == null || value.isBlank()) {
            throw error(key, "is required");
        }
        return value;
    }

    String optString(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (v.isString() || v.isNumber() || v.isBoolean()) {
            return v.isString() ? v.stringValue() : v.toString();
        }
        throw error(key, "must be a single value, not " + kind(v));
    }

    boolean optBoolean(String key, boolean defaultValue) {
        JsonNode v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        throw error(key, "must be true or false, not " + v);
    }

    /** A string or a list of strings. */
    List<String> stringList(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return List.of();
        }
        if (v.isString()) {
            return List.of(v.stringValue());
        }
        if (!v.isArray()) {
            throw error(key, "must be a list, not " + kind(v));
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isString() && !item.isNumber()) {
                throw new MigrationFileException(file, path(key) + "[" + i + "]", "must be a string, not " + kind(item));
            }
            out.add(item.isString() ? item.stringValue() : item.toString());
        }
        return out;
    }

    Fields object(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            throw error(key, "is required");
        }
        if (!v.isObject()) {
            throw error(key, "must be a mapping, not " + kind(v));
        }
        return new Fields(file, path(key), v);
    }

    /** The elements of a list of mappings. */
    List<Fields> objects(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw error(key, "must be a list, not " + kind(v));
        }
        List<Fields> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String itemPath = path(key) + "[" + i + "]";
            if (!item.isObject()) {
                throw new MigrationFileException(file, itemPath, "must be a mapping, not " + kind(item));
            }
            out.add(new Fields(file, itemPath, item));
        }
        return out;
    }

    static String kind(JsonNode v) {
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        return "'" + v + "'";
    }
}
