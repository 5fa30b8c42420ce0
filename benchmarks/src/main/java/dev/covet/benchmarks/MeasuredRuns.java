package dev.covet.benchmarks;

import dev.covet.benchmarks.report.ChildResult;
import dev.covet.benchmarks.report.Measurement;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The runs of one row of a report; a row that fails once is not run again, and the report says why. */
final class MeasuredRuns {

    /** One measured launch. */
    interface Launch {
        ChildLauncher.Timed run() throws IOException, InterruptedException;
    }

    final List<ChildResult> results = new ArrayList<>();
    final List<Long> walls = new ArrayList<>();
    String failure;

    void measure(Launch launch) throws IOException, InterruptedException {
        if (failure != null) {
            return;
        }
        try {
            add(launch.run());
        } catch (ChildLauncher.ChildFailedException e) {
            System.err.println(e.getMessage());
            failure = e.summary();
        }
    }

    void add(ChildLauncher.Timed timed) {
        results.add(timed.result());
        walls.add(timed.wallNanos());
    }

    Measurement measurement(String scenario, String db, String label) {
        return new Measurement(scenario, db, label, results, walls, failure);
    }
}
