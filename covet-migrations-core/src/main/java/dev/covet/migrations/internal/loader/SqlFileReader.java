package dev.covet.migrations.internal.loader;

import dev.covet.migrations.loader.MigrationFileException;
import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationPhase;
import dev.covet.migrations.operation.DialectSql;
import dev.covet.migrations.operation.RunSql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .sql} migration: {@code -- covet:up} and {@code -- covet:down} sections (a file without
 * markers is all "up" and cannot be rolled back), plus optional {@code -- covet:depends a, b},
 * {@code -- covet:app name}, {@code -- covet:description text} and {@code -- covet:phase expand|contract} lines.
 */
final class SqlFileReader {

    /** A directive written exactly: lower case, {@code --} then {@code covet:} then a lower-case name. */
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*--\\s*covet:([a-z]+)(?:[ \\t]+(.*?))?\\s*$");
    /** Anything a reader could take for a directive ({@code -- COVET:DOWN}, {@code --covet : up}). */
    private static final Pattern LOOKS_LIKE_DIRECTIVE = Pattern.compile("^\\s*--\\s*covet\\s*:.*", Pattern.CASE_INSENSITIVE);
    private static final String NAMES = "up, down, depends, app, description, phase";

    private SqlFileReader() {
    }

    /** The {@code -- covet:app} of a file, or the default app; read without parsing the rest. */
    static String app(String content) {
        // Most files have no app directive: skip splitting and matching every line of them.
        if (!content.contains("covet:app")) {
            return MigrationId.DEFAULT_APP;
        }
        boolean[] inCode;
        try {
            inCode = lineStartsInCode(content);
        } catch (SqlScanner.UnclearSqlException e) {
            return MigrationId.DEFAULT_APP; // read() reports it with the file and line
        }
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DIRECTIVE.matcher(lines[i]);
            if (inCode[i] && m.matches() && m.group(1).equals("app") && m.group(2) != null && !m.group(2).isBlank()) {
                return m.group(2).trim();
            }
        }
        return MigrationId.DEFAULT_APP;
    }

    static Migration read(LoadedFile file, String content, List<MigrationId> defaultDependencies) {
        boolean[] inCode;
        try {
            inCode = lineStartsInCode(content);
        } catch (SqlScanner.UnclearSqlException e) {
            throw new MigrationFileException(file.location(), "line " + e.line(), e.problem());
        }
        // Each section keeps every line of the file (other lines blank), so a statement's line is the file's.
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
            // A line inside a block comment, quoted text or dollar-quoted body is never a directive.
            if (!inCode[i] || !LOOKS_LIKE_DIRECTIVE.matcher(line).matches()) {
                current.append(line).append('\n');
                (current == up ? down : up).append('\n');
                continue;
            }
            up.append('\n');
            down.append('\n');
            String field = "line " + (i + 1);
            Matcher m = DIRECTIVE.matcher(line);
            if (!m.matches()) {
                throw new MigrationFileException(file.location(), field, "'" + line.strip() + "' is not a directive as"
                        + " written: directives are lower case, '-- covet:NAME' (" + NAMES + ")");
            }
            String argument = m.group(2) == null ? "" : m.group(2);
            switch (m.group(1)) {
                case "up" -> {
                    noArgument(file, field, "up", argument);
                    if (sawUp || sawDown) {
                        throw new MigrationFileException(file.location(), field, "'-- covet:up' must come once, before '-- covet:down'");
                    }
                    sawUp = true;
                    current = up;
                }
                case "down" -> {
                    noArgument(file, field, "down", argument);
                    if (sawDown) {
                        throw new MigrationFileException(file.location(), field, "'-- covet:down' appears twice");
                    }
                    sawDown = true;
                    current = down;
                }
                case "depends" -> dependencies = dependencies(file, field, argument);
                case "app" -> { }
                case "description" -> description = argument;
                case "phase" -> {
                    try {
                        phase = MigrationPhase.parse(argument);
                    } catch (IllegalArgumentException e) {
                        throw new MigrationFileException(file.location(), field, e.getMessage());
                    }
                }
                default -> throw new MigrationFileException(file.location(), field, "unknown directive '-- covet:" + m.group(1)
                        + "' (" + NAMES + ")");
            }
        }
        List<String> upStatements = statements(file, up.toString());
        if (upStatements.isEmpty()) {
            throw new MigrationFileException(file.location(), "-- covet:up", "has no SQL statements");
        }
        List<String> downStatements = statements(file, down.toString());
        RunSql op = new RunSql(DialectSql.of(upStatements), downStatements.isEmpty() ? null : DialectSql.of(downStatements), false);
        return new Migration(file.id(), description, dependencies == null ? defaultDependencies : dependencies,
                List.of(op), null, null, List.of(), file.checksum(), file.location(), phase);
    }

    private static void noArgument(LoadedFile file, String field, String name, String argument) {
        if (!argument.isBlank()) {
            throw new MigrationFileException(file.location(), field, "'-- covet:" + name + "' takes nothing after it, found '"
                    + argument + "'");
        }
    }

    /** A section's statements; transaction control is refused with its line. */
    private static List<String> statements(LoadedFile file, String section) {
        List<String> out = new ArrayList<>();
        List<SqlScriptSplitter.Statement> statements;
        try {
            statements = SqlScriptSplitter.statements(section);
        } catch (SqlScanner.UnclearSqlException e) {
            throw new MigrationFileException(file.location(), "line " + e.line(), e.problem());
        }
        for (SqlScriptSplitter.Statement s : statements) {
            TransactionControl.in(s.sql()).ifPresent(keyword -> {
                throw new MigrationFileException(file.location(), "line " + s.line(), TransactionControl.problem(keyword));
            });
            out.add(s.sql());
        }
        return out;
    }

    /**
     * Per line: whether it starts in code. Read as MySQL reads a backslash, else as PostgreSQL does when only that
     * reading closes every quote; splitting the sections then refuses SQL the two readings split differently.
     */
    private static boolean[] lineStartsInCode(String content) {
        try {
            return lineStartsInCode(new SqlScanner(content, true));
        } catch (SqlScanner.UnclearSqlException e) {
            try {
                return lineStartsInCode(new SqlScanner(content, false));
            } catch (SqlScanner.UnclearSqlException ignored) {
                throw e;
            }
        }
    }

    /** Per line: whether it starts in code, not inside a block comment, quoted text or dollar-quoted body. */
    private static boolean[] lineStartsInCode(SqlScanner scanner) {
        String text = scanner.text();
        int lineCount = scanner.lineOf(text.length());
        boolean[] inCode = new boolean[lineCount];
        Arrays.fill(inCode, true);
        int i = 0;
        while (i < text.length()) {
            SqlScanner.Span span = scanner.spanAt(i);
            if (span == null) {
                i++;
                continue;
            }
            if (span.kind() != SqlScanner.Kind.LINE_COMMENT) {
                // Every line that starts after the span's first character and before its end is inside it.
                for (int line = scanner.lineOf(i) + 1; line <= scanner.lineOf(Math.max(i, span.end() - 1)); line++) {
                    inCode[line - 1] = false;
                }
            }
            i = span.end();
        }
        return inCode;
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
