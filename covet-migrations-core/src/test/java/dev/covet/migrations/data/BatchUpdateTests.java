package dev.covet.migrations.data;

import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchUpdateTests {

    private static final int ROWS = 200_000;

    /** A crash in the middle of the job: thrown after a batch has committed. */
    private static final class Crash extends RuntimeException {
        Crash() {
            super("simulated crash");
        }
    }

    @AllDatabases
    void killedMidwayResumesAndUpdatesEveryRowOnce(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); Connection c = db.connect()) {
            db.execute("CREATE TABLE items (id BIGINT NOT NULL PRIMARY KEY, touched INTEGER NOT NULL)");
            // One set-based insert: 200,000 keys 3, 6, 9, ... from a digits table, the same SQL on every database.
            db.execute("CREATE TABLE digits (d INTEGER NOT NULL)");
            db.execute("INSERT INTO digits (d) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
            db.execute("INSERT INTO items (id, touched) SELECT (a.d + 10 * b.d + 100 * x.d + 1000 * y.d + 10000 * z.d"
                    + " + 100000 * w.d + 1) * 3, 0 FROM digits a, digits b, digits x, digits y, digits z, digits w"
                    + " WHERE w.d < 2");
            assertThat(count(c, "1 = 1")).isEqualTo(ROWS);

            List<BatchProgress> seen = new ArrayList<>();
            BatchUpdate job = BatchUpdate.of(db.dialect(), "touch_items", "items", "id").set("touched = touched + 1")
                    .batchSize(7_000).onProgress(p -> {
                        seen.add(p);
                        if (seen.size() == 11) {
                            throw new Crash();
                        }
                    });
            assertThatThrownBy(() -> job.run(c)).isInstanceOf(Crash.class);
            assertThat(count(c, "touched = 1")).isEqualTo(77_000);

            long total = job.onProgress(seen::add).run(c);
            assertThat(total).isEqualTo(ROWS);
            assertThat(count(c, "touched = 1")).isEqualTo(ROWS);
            assertThat(count(c, "touched <> 1")).isZero();
            BatchProgress last = seen.get(seen.size() - 1);
            assertThat(last.rowsDone()).isEqualTo(ROWS);
            assertThat(last.rowsTotal()).isEqualTo(ROWS);
            assertThat(last.toString()).contains("touch_items").contains("of");
            // Finished jobs do not run again.
            assertThat(job.run(c)).isEqualTo(ROWS);
            assertThat(count(c, "touched = 1")).isEqualTo(ROWS);
        }
    }

    private static long count(Connection c, String where) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM items WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
