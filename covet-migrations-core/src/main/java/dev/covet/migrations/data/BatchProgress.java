package dev.covet.migrations.data;

import java.time.Duration;

/**
 * Where a batch job stands, as logged after each batch.
 *
 * @param job the job's name
 * @param rowsDone rows processed so far (including earlier attempts)
 * @param rowsTotal rows to process in all (estimated at the start)
 * @param batches batches finished in this attempt
 * @param elapsed time spent in this attempt
 */
public record BatchProgress(String job, long rowsDone, long rowsTotal, int batches, Duration elapsed) {

    /** Rows per second in this attempt. */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : batches == 0 ? 0 : rowsDone / seconds;
    }

    /** Estimated time left at the current rate, or {@code null} when unknown. */
    public Duration timeLeft() {
        double rate = rate();
        return rate <= 0 ? null : Duration.ofMillis((long) (Math.max(0, rowsTotal - rowsDone) / rate * 1000));
    }

    @Override
    public String toString() {
        Duration left = timeLeft();
        return String.format("%s: %,d of %,d rows (%.0f rows/s%s)", job, rowsDone, rowsTotal, rate(),
                left == null ? "" : ", about " + left.toSeconds() + " s left");
    }
}
