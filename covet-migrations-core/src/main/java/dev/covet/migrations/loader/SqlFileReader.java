package dev.covet.migrations.loader;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationPhase;
import dev.covet.migrations.operation.DialectSql;
import dev.covet.migrations.operation.RunSql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .sql} migration: {@code -- covet:up} and {@code -- covet:down} sections (a file without
 * markers is all "up" and cannot be rolled back), plus optional {@code -- covet:depends a, b},
 * {@code -- covet:app name}, {@code -- covet:description text} and {@code -- covet:phase expand|contract} lines.
 */
final class SqlFileReader {

    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*--\\s*covet:([a-z]+)\\b[ \\t]*(.*?)\\s*$");

    private SqlFileReader() {
    }

    /** The {@code -- covet:app} of a file, or the default app; read without parsing the rest. */
    static String app(String content) {
        // Most files have no app directive: skip splitting and matching every line of them.
        if (!content.contains("covet:app")) {
            return MigrationId.DEFAULT_APP;
        }
        for (String line : content.split("\n", -1)) {
            Matcher m = DIRECTIVE.matcher(line);
            if (m.matches() && m.group(1).equals("app") && !m.group(2).isBlank()) {
                return m.group(2).trim();
            }
        }
        return MigrationId.DEFAULT_APP;
    }

    static Migration read(LoadedFile file, String content, List<MigrationId> defaultDependencies) {
        StringBuilder up = new StringBuilder();
        StringBuilder down = new StringBuilder();
        StringBuilder current = up;
        boolean sawUp = false;
        boolean sawDown = false;
        List<MigrationId> dependencies = null;
        String description = "";
        MigrationPhase phase = MigrationPhase.NONE;
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher m = DIRECTIVE.matcher(line);
            if (!m.matches()) {
                current.append(line).append('\n');
                continue;
            }
            String field = "line " + (i + 1);
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "up" -> {
                    if (sawUp || sawDown) {
                        throw new MigrationFileException(file.location(), field, "'-- covet:up' must come once, before '-- covet:down'");
                    }
                    sawUp = true;
                    current = up;
                }
                case "down" -> {
                    if (sawDown) {
                        throw new MigrationFileException(file.location(), field, "'-- covet:down' appears twice");
                    }
                    sawDown = true;
                    current = down;
                }
                case "depends" -> dependencies = dependencies(file, field, m.group(2));
                case "app" -> { }
                case "description" -> description = m.group(2);
                case "phase" -> {
                    try {
                        phase = MigrationPhase.parse(m.group(2));
                    } catch (IllegalArgumentException e) {
                        throw new MigrationFileException(file.location(), field, e.getMessage());
                    }
                }
                default -> throw new MigrationFileException(file.location(), field, "unknown directive '-- covet:" + m.group(1)
                        + "' (up, down, depends, app, description, phase)");
            }
        }
        List<String> upStatements = SqlScriptSplitter.split(up.toString());
        if (upStatements.isEmpty()) {
            throw new MigrationFileException(file.location(), "-- covet:up", "has no SQL statements");
        }
        List<String> downStatements = SqlScriptSplitter.split(down.toString());
        RunSql op = new RunSql(DialectSql.of(upStatements), downStatements.isEmpty() ? null : DialectSql.of(downStatements), false);
        return new Migration(file.id(), description, dependencies == null ? defaultDependencies : dependencies,
                List.of(op), null, null, List.of(), file.checksum(), file.location(), phase);
    }

    private static List<MigrationId> dependencies(LoadedFile file, String field, String text) {
        List<MigrationId> ids = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isBlank()) {
                try {
                    ids.add(MigrationId.parse(FileFormat.stripExtension(part.trim()), file.id().app()));
                } catch (IllegalArgumentException e) {
                    throw new MigrationFileException(file.location(), field, e.getMessage());
                }
            }
        }
        return ids;
    }
}
