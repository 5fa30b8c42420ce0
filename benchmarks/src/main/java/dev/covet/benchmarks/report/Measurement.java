package dev.covet.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The runs of one tool in one scenario on one database.
 *
 * @param scenario scenario name
 * @param db database name ({@code -} for none)
 * @param label the tool as shown in the report
 * @param results each run's result
 * @param wallNanos each run's process wall time
 * @param failure why the tool failed ({@code null} when it did not); runs before the failure are kept
 */
public record Measurement(String scenario, String db, String label, List<ChildResult> results, List<Long> wallNanos,
                          String failure) {

    public Measurement {
        results = List.copyOf(results);
        wallNanos = List.copyOf(wallNanos);
    }

    /** Whether there is at least one successful run to report. */
    public boolean hasResults() {
        return !results.isEmpty();
    }

    public Stats callMs() {
        return Stats.of(results.stream().map(r -> r.callNanos() / 1e6).toList());
    }

    public Stats mainMs() {
        return Stats.of(results.stream().map(r -> r.mainNanos() / 1e6).toList());
    }

    public Stats cpuMs() {
        return Stats.of(results.stream().map(r -> r.cpuNanos() / 1e6).toList());
    }

    public Stats wallMs() {
        return Stats.of(wallNanos.stream().map(w -> w / 1e6).toList());
    }

    public Stats rssMib() {
        return Stats.of(results.stream().map(r -> r.peakRssKib() / 1024.0).toList());
    }

    /** The distinct notes of the runs (they should agree). */
    public String notes() {
        List<String> distinct = new ArrayList<>();
        results.forEach(r -> {
            if (!distinct.contains(r.note())) {
                distinct.add(r.note());
            }
        });
        return String.join(" / ", distinct);
    }
}
