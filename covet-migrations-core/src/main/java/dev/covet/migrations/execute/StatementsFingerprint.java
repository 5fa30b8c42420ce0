package dev.covet.migrations.execute;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short fingerprint of the statements of a migration that completed, recorded in the {@code detail} of its
 * RUNNING/FAILED history row on MySQL. A resume skips the first {@code statementsDone} statements as rendered
 * now; when an upgrade of Covet renders the migration differently, the fingerprint tells, so the resume can
 * refuse instead of silently skipping the wrong statements. It lives in the free-text {@code detail} column
 * (as a delimited token after any human text) so the history table keeps its columns.
 */
final class StatementsFingerprint {

    private static final String OPEN = "[covet-statements-done:";
    private static final Pattern TOKEN = Pattern.compile("\\[covet-statements-done:([0-9a-f]{16})]");

    private StatementsFingerprint() {
    }

    /** The first 16 hex characters of SHA-256 over the display text of the first {@code n} steps, joined by '\n'. */
    static String of(List<Step> steps, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(steps.get(i).display());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The detail to record: the human text (or none) followed by the token for the first {@code n} steps. */
    static String detail(String text, List<Step> steps, int n) {
        String token = OPEN + of(steps, n) + "]";
        return text == null || text.isEmpty() ? token : text + " " + token;
    }

    /** The fingerprint recorded in a detail, or {@code null} for a row without one (written by an earlier version of Covet). */
    static String recorded(String detail) {
        if (detail == null) {
            return null;
        }
        Matcher m = TOKEN.matcher(detail);
        String last = null;
        while (m.find()) {
            last = m.group(1); // the token is appended last; earlier matches would be quoted SQL
        }
        return last;
    }

    /** The detail as people should read it: without the token (which only the resume check needs). */
    static String readable(String detail) {
        if (detail == null || recorded(detail) == null) {
            return detail;
        }
        int at = detail.lastIndexOf(OPEN);
        String text = detail.substring(0, at).stripTrailing();
        return text.isEmpty() ? null : text;
    }
}
