package dev.covet.benchmarks;

import dev.covet.benchmarks.report.ChildResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link RunOne} in a fresh JVM with the driver's class path and reads its result line. */
final class ChildLauncher {

    private final List<String> jvmArgs;

    ChildLauncher(List<String> jvmArgs) {
        this.jvmArgs = jvmArgs;
    }

    /**
     * Runs one child to completion.
     *
     * @return its result, with the wall time of the whole process measured here
     * @throws IllegalStateException with the child's output when it failed or printed no result
     */
    Timed run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RunOne.class.getName());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // Flyway asks Redgate's telemetry switch; nothing should phone home during a measurement.
        pb.environment().put("REDGATE_DISABLE_TELEMETRY", "true");
        long t0 = System.nanoTime();
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        long wall = System.nanoTime() - t0;
        ChildResult result = ChildResult.find(output);
        if (exit != 0 || result == null) {
            throw new ChildFailedException("child " + args + " failed (exit " + exit + "):\n" + tail(output), firstError(output));
        }
        return new Timed(result, wall);
    }

    /** The first line that looks like the exception that ended the child, for the report. */
    private static String firstError(String output) {
        for (String line : output.split("\n")) {
            if (line.startsWith("Exception in thread") || line.startsWith("Caused by")) {
                String text = line.replaceFirst("^Exception in thread \"main\" ", "").replaceFirst("^Caused by: ", "");
                return text.length() > 160 ? text.substring(0, 160) + "…" : text;
            }
        }
        return "no result line";
    }

    private static String tail(String output) {
        return output.length() <= 6000 ? output : "..." + output.substring(output.length() - 6000);
    }

    /** A child that exited with an error or printed no result. */
    static final class ChildFailedException extends IllegalStateException {
        private final String summary;

        ChildFailedException(String message, String summary) {
            super(message);
            this.summary = summary;
        }

        /** One line naming the error. */
        String summary() {
            return summary;
        }
    }

    /**
     * A child's result and the wall time of its process.
     *
     * @param result what the child measured
     * @param wallNanos spawn to exit, measured by the driver
     */
    record Timed(ChildResult result, long wallNanos) {
    }
}
