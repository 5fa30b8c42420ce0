package dev.covet.migrations.sqlite;

import dev.covet.migrations.internal.sqlite.RebuildGuard;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.testing.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A rebuild of a table above the progress threshold logs the copy before and after, with counts and time. */
class LargeTableRebuildTests {

    @TempDir
    Path tempDir;

    @Test
    void copyOfALargeTableIsLoggedWithRowCounts() throws Exception {
        SqliteFixture db = new SqliteFixture(tempDir);
        MigrationRunner runner = db.forcedRunner();
        db.write("events", """
                operations:
                  - type: CREATE_TABLE
                    table: events
                    columns:
                      - {name: id, type: BIGINT, nullable: false, primary_key: true}
                      - {name: kind, type: VARCHAR(20), nullable: true}
                """);
        runner.migrate();
        long rows = RebuildGuard.LARGE_TABLE_ROWS + 1;
        db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows + ")"
                + " INSERT INTO events (id, kind) SELECT i, 'k' || (i % 7) FROM n");
        db.write("kind_required", """
                operations:
                  - {type: ALTER_COLUMN, table: events, column: {name: kind, type: VARCHAR(20), nullable: false}}
                """);

        List<String> messages;
        try (CapturedLogs logs = CapturedLogs.of(RebuildGuard.class)) {
            runner.migrate();
            messages = logs.messages();
        }

        assertThat(messages)
                .anySatisfy(m -> assertThat(m).isEqualTo("Rebuilding table events: copying " + rows + " rows"))
                .anySatisfy(m -> assertThat(m).startsWith("Rebuilding table events: copied " + rows + " rows in ").endsWith(" ms"));
        assertThat(db.count("SELECT COUNT(*) FROM events")).isEqualTo(rows);
        assertThat(db.schema().requireTable("events").column("kind").orElseThrow().nullable()).isFalse();
    }
}
