package dev.covet.migrations.maven;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the project's own {@code application*.yml} and {@code .yaml} (compiled, and in the project's directory and
 * its {@code config}) once before Spring Boot does, for two things
 * Boot's loader does not do: name the file in a syntax error, and refuse a file whose aliases expand it beyond all
 * reason ("billion laughs": Boot lifts SnakeYAML's alias limit and would expand it until memory runs out). Aliases
 * themselves are fine; only the expanded size counts.
 */
final class YamlFiles {

    /** Nodes a file may expand to through its aliases. */
    static final long MAX_EXPANDED_NODES = 1_000_000;

    private YamlFiles() {
    }

    /**
     * Checks the YAML application files in these directories (those that exist).
     *
     * @throws IllegalStateException naming the file that cannot be read, is not YAML, or expands too far
     */
    static void check(List<Path> directories) {
        for (Path directory : directories) {
            for (Path file : files(directory)) {
                check(file, file.getFileName().toString());
            }
        }
    }

    private static void check(Path file, String name) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(Integer.MAX_VALUE); // as Boot: it is the expansion that is limited here
        options.setAllowRecursiveKeys(false);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Node document : new Yaml(options).composeAll(reader)) {
                if (document != null && expanded(document, new IdentityHashMap<>(), new IdentityHashMap<>()) > MAX_EXPANDED_NODES) {
                    throw new IllegalStateException("cannot read " + file + ": its aliases expand it to more than "
                            + MAX_EXPANDED_NODES + " values (a \"billion laughs\" file?)");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage().strip()
                    .replace("in 'reader'", "in '" + name + "'"), e);
        }
    }

    /** The size of a node once its aliases are expanded, capped just above the limit. */
    private static long expanded(Node node, Map<Node, Long> sizes, Map<Node, Boolean> open) {
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        if (open.put(node, Boolean.TRUE) != null) {
            throw new YAMLException("an alias refers to a node that contains it (a recursive structure)");
        }
        long size = 1;
        List<Node> children = new ArrayList<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                children.add(tuple.getKeyNode());
                children.add(tuple.getValueNode());
            }
        } else if (node instanceof SequenceNode sequence) {
            children.addAll(sequence.getValue());
        }
        for (Node child : children) {
            size = Math.min(size + expanded(child, sizes, open), MAX_EXPANDED_NODES + 1);
        }
        open.remove(node);
        sizes.put(node, size);
        return size;
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith("application") && (n.endsWith(".yml") || n.endsWith(".yaml")) && Files.isRegularFile(f);
            }).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }
}
