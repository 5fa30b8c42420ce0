package dev.covet.migrations.data;

import java.time.Duration;
import java.util.Locale;

/**
 * A batch job waiting for its replicas: reported before each pause while the replicas are further behind than the
 * job allows ({@link BatchUpdate#maxReplicaLag(Duration)}).
 *
 * @param job the job's name
 * @param lag how far behind the slowest replica is
 * @param maxLag the lag the job allows
 * @param batch batches finished in this attempt
 * @param batches batches this attempt should take in all (estimated at the start)
 * @param waited how long the job has waited so far at this point
 */
public record ReplicaWait(String job, Duration lag, Duration maxLag, int batch, int batches, Duration waited) {

    @Override
    public String toString() {
        return String.format("%s: waiting for replicas: lag %s > %s (batch %d of %d, waited %s)", job, text(lag),
                text(maxLag), batch, batches, text(waited));
    }

    /** 12.3 s, 5.04 s, 5 s, 301 ms: precise enough near the limit that 5.04 s > 5 s does not read 5.0 s > 5 s. */
    private static String text(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, millis < 10_000 ? "%.2f s" : "%.1f s", millis / 1000.0);
    }
}
