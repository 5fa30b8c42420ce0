package dev.covet.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Renders measurements as Markdown tables, one section per scenario, with ratios against reference tools. */
public final class MarkdownReport {

    /**
     * One scenario's section.
     *
     * @param scenario scenario name in the measurements
     * @param title heading
     * @param references labels whose medians the others are divided by (same database)
     * @param mainRatio whether to add the main()-to-done ratio against the first reference too
     */
    public record Section(String scenario, String title, List<String> references, boolean mainRatio) {
    }

    private final List<Measurement> measurements;

    public MarkdownReport(List<Measurement> measurements) {
        this.measurements = List.copyOf(measurements);
    }

    public String section(Section s) {
        List<Measurement> rows = measurements.stream().filter(m -> m.scenario().equals(s.scenario())).toList();
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("## ").append(s.title()).append("\n\n");
        List<String> header = new ArrayList<>(List.of("DB", "Tool", "call ms, median (min–max)", "main() → done ms",
                "process ms", "process CPU ms", "peak RSS MiB"));
        s.references().forEach(r -> header.add("× " + r));
        if (s.mainRatio()) {
            header.add("main() × " + s.references().get(0));
        }
        header.add("check");
        out.append(row(header)).append(row(header.stream().map(h -> "---").toList()));
        for (Measurement m : rows) {
            if (!m.hasResults()) {
                List<String> cells = new ArrayList<>(List.of(m.db(), m.label(), "failed"));
                while (cells.size() < header.size() - 1) {
                    cells.add("–");
                }
                cells.add(m.failure());
                out.append(row(cells));
                continue;
            }
            List<String> cells = new ArrayList<>(List.of(m.db(), m.label(), spread(m.callMs()), spread(m.mainMs()),
                    number(m.wallMs().median()), number(m.cpuMs().median()), number(m.rssMib().median())));
            for (String ref : s.references()) {
                cells.add(reference(rows, m.db(), ref).filter(Measurement::hasResults).map(r -> ratio(m.callMs().median(), r.callMs().median())).orElse("–"));
            }
            if (s.mainRatio()) {
                cells.add(reference(rows, m.db(), s.references().get(0)).filter(Measurement::hasResults)
                        .map(r -> ratio(m.mainMs().median(), r.mainMs().median())).orElse("–"));
            }
            cells.add(m.failure() == null ? m.notes() : m.notes() + "; then failed: " + m.failure());
            out.append(row(cells));
        }
        return out.append('\n').toString();
    }

    private static Optional<Measurement> reference(List<Measurement> rows, String db, String label) {
        return rows.stream().filter(r -> r.db().equals(db) && r.label().equals(label)).findFirst();
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String spread(Stats s) {
        return number(s.median()) + " (" + number(s.min()) + "–" + number(s.max()) + ")";
    }

    private static String number(double v) {
        if (v < 0) {
            return "–";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ratio(double value, double reference) {
        return String.format(Locale.ROOT, "%.2f×", value / reference);
    }
}
