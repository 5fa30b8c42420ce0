package dev.covet.migrations.internal.audit;

import dev.covet.migrations.audit.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tamper-evidence hash of an audit row: SHA-256 over the previous row's hash and every field of this row,
 * so changing a row breaks its own hash and deleting one breaks its successor's link.
 */
public final class AuditHasher {

    /** The link of the first row. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHasher() {
    }

    public static String hash(String previousHash, AuditEntry e) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(previousHash);
        append(sb, e.id());
        append(sb, e.migration());
        append(sb, e.direction());
        append(sb, e.executor());
        append(sb, e.environment());
        append(sb, e.metadata());
        // Whole seconds: not every driver and server pair keeps fractions of a second (MariaDB through Connector/J).
        append(sb, e.startedAt().getEpochSecond());
        append(sb, e.finishedAt() == null ? null : e.finishedAt().getEpochSecond());
        append(sb, e.status());
        append(sb, e.duration() == null ? null : e.duration().toMillis());
        append(sb, e.affectedRows());
        append(sb, String.join("\u0000", e.sqlExecuted()));
        append(sb, e.error());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
        }
    }

    private static void append(StringBuilder sb, Object value) {
        // Length-prefixed so that moving text between fields changes the hash.
        String s = value == null ? "\u0001null" : value.toString();
        sb.append('|').append(s.length()).append(':').append(s);
    }
}
