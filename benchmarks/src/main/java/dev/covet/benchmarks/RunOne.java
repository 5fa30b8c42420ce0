package dev.covet.benchmarks;

import dev.covet.benchmarks.child.ChildArgs;
import dev.covet.benchmarks.child.CallResult;
import dev.covet.benchmarks.child.Tasks;
import dev.covet.benchmarks.report.ChildResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One measured run, in its own JVM: {@code RunOne <tool> <scenario> <db> key=value...}. Prints one
 * {@link ChildResult} line: the time around the tool's own call, the time from {@code main()} to done, the CPU
 * time of the whole process (all threads: less disturbed than wall time when the machine is busy), and its peak
 * resident memory.
 */
public final class RunOne {

    private RunOne() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        // Every tool runs quietly: Covet and Flyway log through SLF4J (no-op here), Liquibase through JUL.
        Logger.getLogger("").setLevel(Level.WARNING);
        System.setProperty("liquibase.analytics.enabled", "false");
        ChildArgs parsed = ChildArgs.parse(args);
        CallResult call = Tasks.run(parsed);
        long mainNanos = System.nanoTime() - start;
        long cpuNanos = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
        System.out.println(new ChildResult(call.nanos(), mainNanos, cpuNanos, peakRssKib(), call.note()).toLine());
        System.out.flush();
        // Some tools leave non-daemon threads behind; the measurement is done.
        System.exit(0);
    }

    /** VmHWM from /proc/self/status, or -1 where there is none. */
    private static long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
