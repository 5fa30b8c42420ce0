package dev.covet.migrations.internal.loader;

import dev.covet.migrations.loader.MigrationFileException;
import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationPhase;
import dev.covet.migrations.operation.DialectSql;
import dev.covet.migrations.operation.Operation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a YAML or JSON migration document into a {@link Migration}. Files are data: the documents are read as
 * plain trees (no default typing, no class names), with nesting bounded.
 */
final class MigrationDocumentReader {

    private static final Set<String> TOP_LEVEL_KEYS =
            Set.of("description", "app", "dependencies", "operations", "forward_sql", "backward_sql", "replaces", "phase");

    /** Built on first use, so that a run whose YAML all takes the subset parser never loads Jackson's YAML module. */
    private static final class Factories {
        private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(MigrationLoader.MAX_FILE_BYTES).build();
        private static final YAMLFactory YAML = YAMLFactory.builder().streamReadConstraints(LIMITS).build();
        private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();

        static boolean isAlias(JsonParser p) {
            return p instanceof YAMLParser y && y.isCurrentAlias();
        }
    }

    /** The reader's message, without the names of its classes and settings (a user fixes the file, not Jackson). */
    private static String plain(JacksonException e) {
        String message = e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            String lower = message.toLowerCase(Locale.ROOT);
            return lower.contains("nesting") ? "nested deeper than " + 64 + " levels"
                    : lower.contains("number") ? "a number with too many digits"
                    : lower.contains("name") ? "a key that is too long"
                    : "a value larger than the reader accepts";
        }
        // e.g. "... (from `StreamReadConstraints.getMaxNestingDepth()`)": keep the reason, drop the class
        return message.replaceAll("\\s*\\(from `[^`]*`\\)", "").replaceAll("`[a-z]+(\\.[a-zA-Z]+)+[A-Z]\\w*`", "");
    }

    private MigrationDocumentReader() {
    }

    /**
     * {@code type: DECIMAL(10,2)} inside a YAML flow mapping ({@code {name: x, type: DECIMAL(10,2)}}) would split at
     * the comma; an unquoted {@code type:} value of that form is quoted before parsing so it reads as written.
     */
    private static final Pattern UNQUOTED_SIZED_TYPE =
            Pattern.compile("(\\btype:[ \\t]*)([A-Za-z][A-Za-z ]*\\(\\s*\\d+\\s*,\\s*\\d+\\s*\\))");

    static JsonNode tree(String location, FileFormat format, String content) {
        if (format == FileFormat.YAML) {
            // Most files are in the subset the small parser reads; it spares a cold start Jackson's YAML scanner.
            Optional<JsonNode> fast = YamlSubsetParser.parse(content);
            if (fast.isPresent()) {
                return fast.get();
            }
        }
        return jacksonTree(location, format, content);
    }

    /** The tree through Jackson: the reference for {@link YamlSubsetParser}, and its fallback. */
    static JsonNode jacksonTree(String location, FileFormat format, String content) {
        try {
            String text = format == FileFormat.YAML ? UNQUOTED_SIZED_TYPE.matcher(content).replaceAll("$1\"$2\"") : content;
            return format == FileFormat.JSON ? DocumentTrees.read(Factories.JSON, text)
                    : DocumentTrees.read(Factories.YAML, text, Factories::isAlias);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new MigrationFileException(location, null, "not valid " + format + where + ": " + plain(e), e);
        }
    }

    /** The {@code app:} of a document, or the default app. */
    static String app(Fields root) {
        String app = root.optString("app");
        return app == null || app.isBlank() ? MigrationId.DEFAULT_APP : app.trim();
    }

    static Migration read(LoadedFile file, String content, List<MigrationId> defaultDependencies) {
        Fields root = Fields.root(file.location(), tree(file.location(), file.format(), content)).allowOnly(TOP_LEVEL_KEYS);
        String app = app(root);
        MigrationId id = file.id();
        if (!app.equals(id.app())) {
            throw root.error("app", "is '" + app + "' but the loader read '" + id.app() + "'");
        }
        List<Operation> operations = new ArrayList<>();
        List<Fields> items = root.objects("operations");
        for (Fields item : items) {
            operations.add(OperationReader.read(item));
        }
        DialectSql forward = OperationReader.sql(root, "forward_sql");
        DialectSql backward = OperationReader.sql(root, "backward_sql");
        if (!root.has("operations") && forward == null) {
            // An empty list is fine (a merge migration, or one left empty to fill in); a missing key is a mistake.
            throw root.error("operations", "is missing: a migration needs operations (possibly []) or forward_sql");
        }
        List<MigrationId> dependencies = root.has("dependencies") ? ids(root, "dependencies", app) : defaultDependencies;
        MigrationPhase phase;
        try {
            phase = MigrationPhase.parse(root.optString("phase"));
        } catch (IllegalArgumentException e) {
            throw root.error("phase", e.getMessage());
        }
        return new Migration(id, root.optString("description"), dependencies, operations, forward, backward,
                replaces(root, id), file.checksum(), file.location(), phase);
    }

    /**
     * What a squash replaces: earlier migrations of its own app, each once. Anything else could not have been
     * squashed into it, and would make the history of a database that applied it say what never ran.
     */
    private static List<MigrationId> replaces(Fields root, MigrationId id) {
        List<MigrationId> ids = ids(root, "replaces", id.app());
        Set<MigrationId> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            MigrationId r = ids.get(i);
            String field = root.path("replaces") + "[" + i + "]";
            if (!r.app().equals(id.app())) {
                throw new MigrationFileException(root.file(), field, r + " is a migration of another app: a squash replaces"
                        + " migrations of its own app ('" + id.app() + "')");
            }
            if (r.number() > id.number() || r.equals(id)) {
                throw new MigrationFileException(root.file(), field, r + " is not an earlier migration: a squash replaces"
                        + " the migrations up to its own number");
            }
            if (!seen.add(r)) {
                throw new MigrationFileException(root.file(), field, r + " is listed twice");
            }
        }
        return ids;
    }

    static List<MigrationId> ids(Fields f, String key, String app) {
        List<String> texts = f.stringList(key);
        List<MigrationId> ids = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            try {
                ids.add(MigrationId.parse(FileFormat.stripExtension(texts.get(i).trim()), app));
            } catch (IllegalArgumentException e) {
                throw new MigrationFileException(f.file(), f.path(key) + "[" + i + "]", e.getMessage());
            }
        }
        return ids;
    }
}
