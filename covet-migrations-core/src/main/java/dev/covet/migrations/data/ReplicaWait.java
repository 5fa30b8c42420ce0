package dev.covet.migrations.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A batch job waiting for its replicas: reported before each pause while the replicas are further behind than the
 * job allows ({@link BatchUpdate#maxReplicaLag(Duration)}), or while a replica it was told of
 * ({@link BatchUpdate#replicas(List)}) cannot say how far behind it is.
 *
 * @param job the job's name
 * @param lag how far behind the slowest replica that reported its lag is
 * @param maxLag the lag the job allows
 * @param batch batches finished in this attempt
 * @param batches batches this attempt should take in all (estimated at the start)
 * @param waited how long the job has waited so far at this point
 * @param problems the replicas that count as behind without a lag: {@code replication stopped on <url> (...)},
 *        {@code cannot reach replica <url>: ...}; empty when every replica reported its lag
 */
public record ReplicaWait(String job, Duration lag, Duration maxLag, int batch, int batches, Duration waited,
                          List<String> problems) {

    public ReplicaWait {
        problems = List.copyOf(problems);
    }

    /** A wait for replicas that all reported their lag. */
    public ReplicaWait(String job, Duration lag, Duration maxLag, int batch, int batches, Duration waited) {
        this(job, lag, maxLag, batch, batches, waited, List.of());
    }

    @Override
    public String toString() {
        List<String> why = new ArrayList<>(problems);
        if (lag.compareTo(maxLag) > 0) {
            why.add("lag " + text(lag) + " > " + text(maxLag));
        }
        return String.format("%s: waiting for replicas: %s (batch %d of %d, waited %s)", job, String.join("; ", why),
                batch, batches, text(waited));
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
