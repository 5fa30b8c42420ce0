package dev.covet.migrations.engine;

import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.introspect.SchemaReader;
import dev.covet.migrations.LintFinding;
import dev.covet.migrations.LintSuppressions;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.CapturedLogs;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs every file of the {@link HostileCorpus} on each database, after a base migration: a refused file gives a
 * clear error naming it and leaves the database as it was (same schema, same history rows, same data); an accepted
 * one does exactly what it says. Outcomes per database are logged as a summary line.
 */
class HostileFilesTests {

    private static final String BASE = """
            operations:
              - {type: CREATE_TABLE, table: keep, columns: [{name: id, type: INT, nullable: false, primary_key: true}]}
              - {type: RUN_SQL, sql: "INSERT INTO keep (id) VALUES (1)", reverse_sql: "DELETE FROM keep"}
            """;
    /** What a clear error never shows: the reader's or the pool's internals. */
    private static final List<String> INTERNALS = List.of("tools.jackson", "com.fasterxml", "StreamReadConstraints", "JsonToken",
            "[Source:", "Connection is closed", "has been closed", "NullPointerException", "ClassCastException",
            "IndexOutOfBounds", "NumberFormatException", "\u001b");

    @AllDatabases
    void everyHostileFileIsRefusedClearlyOrDoesExactlyWhatItSays(DatabaseKind kind) throws Exception {
        List<HostileCorpus.Case> corpus = HostileCorpus.all();
        List<String> problems = new ArrayList<>();
        List<String> either = new ArrayList<>();
        int refused = 0;
        int accepted = 0;
        TestDatabase db = fresh(kind);
        try {
            for (HostileCorpus.Case c : corpus) {
                String fileName = "0002_" + c.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("_$", "")
                        + "." + c.extension();
                try (MigrationFiles files = new MigrationFiles()) {
                    files.write("0001_base.yaml", BASE);
                    write(files, fileName, c.content());
                    MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
                    if (c.lintRule() != null) {
                        List<String> rules = lintRules(runner);
                        if (!rules.contains(c.lintRule())) {
                            problems.add(c + ": the lint did not report " + c.lintRule() + " (it reported " + rules + ")");
                        }
                    }
                    Snapshot before = Snapshot.of(db);
                    Exception error = null;
                    try (CapturedLogs logs = CapturedLogs.of(MigrationRunner.class)) {
                        runner.migrate();
                        for (String line : logs.messages()) {
                            if (line.contains("\u001b") || line.contains("\nERROR forged")) {
                                problems.add(c + ": a log line carries raw control characters: " + line);
                            }
                        }
                    } catch (Exception e) {
                        error = e;
                    }
                    if (c.expect() == HostileCorpus.Expect.EITHER) {
                        either.add(c + (error == null ? ": accepted" : ": refused"));
                    }
                    if (error != null) {
                        refused++;
                        check(c, fileName, error, problems);
                        Snapshot after = Snapshot.of(db);
                        if (!after.equals(before)) {
                            problems.add(c + ": the database changed after the refusal:\n    before " + before + "\n    after  " + after);
                            db.close(); // so that the next cases start from the base alone
                            db = fresh(kind);
                        }
                    } else {
                        accepted++;
                        if (c.expect() == HostileCorpus.Expect.REFUSED) {
                            problems.add(c + ": accepted, but must be refused");
                        }
                        Set<String> tables = new TreeSet<>(Snapshot.of(db).schema().tables().keySet());
                        tables.remove("keep");
                        if (!tables.equals(new TreeSet<>(c.tables()))) {
                            problems.add(c + ": accepted and made tables " + tables + ", not exactly " + c.tables());
                        }
                        if (MigrateRollbackTests.count(db, "SELECT COUNT(*) FROM keep") != 1) {
                            problems.add(c + ": accepted and changed the rows of keep");
                        }
                        // The next case starts from the base migration alone.
                        db.close();
                        db = fresh(kind);
                    }
                }
            }
        } finally {
            db.close();
        }
        LoggerFactory.getLogger(HostileFilesTests.class).info("Hostile corpus on {}: {} files, {} refused, {} accepted, {} problems; either way: {}",
                kind, corpus.size(), refused, accepted, problems.size(), either);
        if (!problems.isEmpty()) {
            fail(problems.size() + " of " + corpus.size() + " hostile files misbehaved on " + kind + ":\n  " + String.join("\n  ", problems));
        }
    }

    private static void check(HostileCorpus.Case c, String fileName, Exception error, List<String> problems) {
        String message = String.valueOf(error.getMessage());
        if (c.expect() == HostileCorpus.Expect.ACCEPTED) {
            problems.add(c + ": refused, but must be accepted: " + message);
            return;
        }
        if (!(error instanceof MigrationException)) {
            problems.add(c + ": failed with " + error.getClass().getName() + ", not a migration error: " + message);
        }
        if (!message.contains(fileName)) {
            problems.add(c + ": the error does not name the file: " + message);
        }
        if (c.errorMentions() != null && !message.contains(c.errorMentions())) {
            problems.add(c + ": the error does not say '" + c.errorMentions() + "': " + message);
        }
        for (String internal : INTERNALS) {
            if (message.contains(internal)) {
                problems.add(c + ": the error shows '" + internal + "': " + message);
            }
        }
    }

    private static List<String> lintRules(MigrationRunner runner) {
        try {
            return runner.lint(LintSuppressions.none(), false).findings().stream().map(LintFinding::rule).toList();
        } catch (MigrationException e) {
            return List.of("(lint failed: " + e.getMessage() + ")");
        }
    }

    /** A fresh database with the base migration applied. */
    private static TestDatabase fresh(DatabaseKind kind) throws Exception {
        TestDatabase db = kind.create();
        try (MigrationFiles files = new MigrationFiles()) {
            files.write("0001_base.yaml", BASE);
            MigrationRunner.builder(db.dataSource()).locations(files.location()).build().migrate();
        }
        return db;
    }

    /** Bytes as written, except that {@code <0xFF>} stands for that byte (no valid UTF-8 text has it). */
    private static void write(MigrationFiles files, String name, String content) throws Exception {
        byte[] text = content.getBytes(StandardCharsets.UTF_8);
        String marker = "<0xFF>";
        int at = content.indexOf(marker);
        if (at < 0) {
            Files.write(files.dir().resolve(name), text);
            return;
        }
        byte[] before = content.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = content.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[before.length + 1 + after.length];
        System.arraycopy(before, 0, out, 0, before.length);
        out[before.length] = (byte) 0xFF;
        System.arraycopy(after, 0, out, before.length + 1, after.length);
        Files.write(files.dir().resolve(name), out);
    }

    /** What a refusal must leave as it was: the schema, the history rows and the base data. */
    private record Snapshot(SchemaState schema, List<String> history, long keepRows) {

        static Snapshot of(TestDatabase db) throws SQLException {
            try (Connection c = db.connect()) {
                SchemaState schema = SchemaReader.forDialect(db.dialect()).read(c, "covet_");
                List<String> history = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM covet_migrations ORDER BY 1, 2")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                        }
                        history.add(row.toString().strip());
                    }
                }
                return new Snapshot(schema, history, MigrateRollbackTests.count(db, "SELECT COUNT(*) FROM keep"));
            }
        }
    }
}
