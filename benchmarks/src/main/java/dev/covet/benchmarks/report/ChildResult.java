package dev.covet.benchmarks.report;

import java.util.HashMap;
import java.util.Map;

/**
 * The line a child prints, and what the driver reads back from it.
 *
 * @param callNanos time around the tool's own call
 * @param mainNanos time from {@code main()} to done
 * @param cpuNanos CPU time of the process (all threads, JIT and GC included), or -1
 * @param peakRssKib peak resident set (VmHWM), or -1
 * @param note what the call did
 */
public record ChildResult(long callNanos, long mainNanos, long cpuNanos, long peakRssKib, String note) {

    private static final String PREFIX = "COVET-BENCH ";

    public String toLine() {
        return PREFIX + "call_ns=" + callNanos + " main_ns=" + mainNanos + " cpu_ns=" + cpuNanos + " rss_kib=" + peakRssKib
                + " note="
                + note.replace(' ', '_');
    }

    /** The result in a child's output, or {@code null} when it printed none. */
    public static ChildResult find(String output) {
        for (String line : output.split("\n")) {
            if (line.startsWith(PREFIX)) {
                Map<String, String> fields = new HashMap<>();
                for (String part : line.substring(PREFIX.length()).trim().split(" ")) {
                    int eq = part.indexOf('=');
                    fields.put(part.substring(0, eq), part.substring(eq + 1));
                }
                return new ChildResult(Long.parseLong(fields.get("call_ns")), Long.parseLong(fields.get("main_ns")),
                        Long.parseLong(fields.get("cpu_ns")),
                        Long.parseLong(fields.get("rss_kib")), fields.getOrDefault("note", ""));
            }
        }
        return null;
    }
}
