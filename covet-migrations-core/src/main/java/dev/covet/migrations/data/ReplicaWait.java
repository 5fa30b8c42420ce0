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
        return String.format("%s: waiting for replicas: lag %s s > %s s (batch %d of %d, waited %s s)", job,
                seconds(lag), seconds(maxLag), batch, batches, seconds(waited));
    }

    /** 12.3, 5, 0.31: one decimal from a second up, two below (so 0.31 s > 0.3 s does not read 0.3 s > 0.3 s). */
    private static String seconds(Duration d) {
        long millis = d.toMillis();
        if (millis % 1000 == 0) {
            return Long.toString(millis / 1000);
        }
        return String.format(Locale.ROOT, millis >= 1000 ? "%.1f" : "%.2f", millis / 1000.0);
    }
}
