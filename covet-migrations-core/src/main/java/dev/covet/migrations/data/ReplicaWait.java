package dev.covet.migrations.data;

import java.time.Duration;

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
        return String.format("%s: waiting for replicas: lag %.1f s > %s s (batch %d of %d, waited %.1f s)", job,
                lag.toMillis() / 1000.0, seconds(maxLag), batch, batches, waited.toMillis() / 1000.0);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : String.format("%.1f", d.toMillis() / 1000.0);
    }
}
