package dev.covet.migrations.internal.loader;

import dev.covet.migrations.loader.MigrationFileException;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds migration files ({@code NNNN_snake_case_name.yaml|yml|json|sql}) in classpath and filesystem locations
 * and returns them in order, each with its id and checksum. Parsing is left to {@link MigrationSource#parse()},
 * so a start with nothing pending reads and hashes files but parses none.
 */
public final class MigrationLoader {

    /** Largest migration file accepted: a bound on what a file can make the loader read and parse. */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(MigrationLoader.class);
    private static final Pattern NAME = Pattern.compile("\\d+_[A-Za-z0-9_]+");
    private static final Pattern YAML_APP =
            Pattern.compile("(?m)^app:[ \\t]*[\"']?([^\"'#\\s]*)[\"']?[ \\t]*(?:#.*)?$");
    private static final Comparator<MigrationId> ORDER = Comparator.comparing(MigrationId::app)
            .thenComparingLong(MigrationId::number).thenComparing(MigrationId::name);

    private final ClassLoader classLoader;

    public MigrationLoader(ClassLoader classLoader) {
        this.classLoader = classLoader == null ? MigrationLoader.class.getClassLoader() : classLoader;
    }

    /**
     * The migration files of all locations, ordered by app and number.
     *
     * @throws MigrationException naming the file for unreadable, oversized, badly named or duplicate files
     */
    public List<MigrationSource> list(List<String> locations) {
        Map<MigrationId, LoadedFile> byId = new LinkedHashMap<>();
        for (String text : locations) {
            Location location = Location.parse(text);
            List<RawFile> raw = location.kind() == Location.Kind.FILESYSTEM
                    ? FilesystemScanner.scan(Path.of(location.path()), location.text())
                    : ClasspathScanner.scan(classLoader, location);
            if (raw.isEmpty()) {
                log.debug("No migration files in {}", location.text());
            }
            for (RawFile file : raw) {
                LoadedFile loaded = load(file);
                LoadedFile clash = byId.putIfAbsent(loaded.id(), loaded);
                if (clash != null) {
                    throw new MigrationException("two files define migration " + loaded.id() + ": " + clash.location()
                            + " and " + loaded.location() + " (remove or rename one)");
                }
            }
        }
        List<LoadedFile> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparing(LoadedFile::id, ORDER));
        List<MigrationSource> result = new ArrayList<>(sorted.size());
        Map<String, MigrationId> previousOfApp = new LinkedHashMap<>();
        for (LoadedFile f : sorted) {
            MigrationId previous = previousOfApp.put(f.id().app(), f.id());
            result.add(f.withDefaultDependencies(previous == null ? List.of() : List.of(previous)));
        }
        return result;
    }

    private static LoadedFile load(RawFile file) {
        FileFormat format = FileFormat.ofFileName(file.fileName()).orElseThrow();
        String name = FileFormat.stripExtension(file.fileName());
        if (!NAME.matcher(name).matches()) {
            throw new MigrationFileException(file.location(), null, "is not named like a migration: use"
                    + " NNNN_snake_case_name." + format.name().toLowerCase(Locale.ROOT)
                    + " (digits, '_', then letters, digits and '_')");
        }
        String content = decode(file);
        String app = switch (format) {
            case SQL -> SqlFileReader.app(content);
            case JSON -> MigrationDocumentReader.app(Fields.root(file.location(),
                    MigrationDocumentReader.tree(file.location(), format, content)));
            case YAML -> yamlApp(content);
        };
        MigrationId id;
        try {
            id = new MigrationId(app, name);
        } catch (IllegalArgumentException e) {
            throw new MigrationFileException(file.location(), "app", e.getMessage());
        }
        return new LoadedFile(id, file.location(), format, content, Checksums.of(content), List.of());
    }

    /** The top-level {@code app:} of a YAML file without parsing it (top-level keys start at column 0). */
    private static String yamlApp(String content) {
        // Most files have no app: a plain search spares the regex a scan of every line start in large files.
        if (!content.startsWith("app:") && !content.contains("\napp:") && !content.contains("\rapp:")) {
            return MigrationId.DEFAULT_APP;
        }
        Matcher m = YAML_APP.matcher(content);
        return m.find() && !m.group(1).isEmpty() ? m.group(1) : MigrationId.DEFAULT_APP;
    }

    private static String decode(RawFile file) {
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file.bytes())).toString();
        } catch (CharacterCodingException e) {
            throw new MigrationFileException(file.location(), null, "is not valid UTF-8 text");
        }
        int nul = content.indexOf('\0');
        if (nul >= 0) {
            // Drivers and parsers disagree on a NUL (some end the text there): a file with one means no one thing.
            int line = 1;
            for (int i = 0; i < nul; i++) {
                line += content.charAt(i) == '\n' ? 1 : 0;
            }
            throw new MigrationFileException(file.location(), "line " + line, "contains a NUL character (U+0000): a"
                    + " migration file is text; write the value another way");
        }
        return content;
    }

    static MigrationFileException tooLarge(String location) {
        return new MigrationFileException(location, null, "is larger than " + MAX_FILE_BYTES / (1024 * 1024)
                + " MiB: split it into several migrations");
    }

    /** Reads a file whose size the caller has already read (from the attributes it stat'ed anyway). */
    static byte[] readBounded(Path file, long size, String location) throws IOException {
        if (size > MAX_FILE_BYTES) {
            throw tooLarge(location);
        }
        return Files.readAllBytes(file);
    }

    static byte[] readBounded(InputStream in, String location) throws IOException {
        byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge(location);
        }
        return bytes;
    }
}
