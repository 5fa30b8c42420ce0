package dev.covet.migrations.data;

import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchUpdateTest {

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
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (id, touched) VALUES (?, 0)")) {
                for (int i = 1; i <= ROWS; i++) {
                    ps.setLong(1, i * 3L);
                    ps.addBatch();
                    if (i % 10_000 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            c.commit();
            c.setAutoCommit(true);

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
