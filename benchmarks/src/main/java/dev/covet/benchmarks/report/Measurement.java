package dev.covet.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern EXEC_MS = Pattern.compile(",exec_ms=(\\d+)");

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

    /**
     * The distinct notes of the runs (they should agree), without Covet's per-run {@code exec_ms}, which
     * {@link #execMs()} summarizes instead.
     */
    public String notes() {
        List<String> distinct = new ArrayList<>();
        results.forEach(r -> {
            String note = EXEC_MS.matcher(r.note()).replaceAll("");
            if (!distinct.contains(note)) {
                distinct.add(note);
            }
        });
        String notes = String.join(" / ", distinct);
        return execMs().map(s -> notes + "; engine exec ms " + Math.round(s.median())).orElse(notes);
    }

    /** Covet's own time executing the migrations (from its result), when the runs reported it. */
    public Optional<Stats> execMs() {
        List<Double> values = new ArrayList<>();
        for (ChildResult r : results) {
            Matcher m = EXEC_MS.matcher(r.note());
            if (m.find()) {
                values.add(Double.parseDouble(m.group(1)));
            }
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(Stats.of(values));
    }
}
