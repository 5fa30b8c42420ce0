package dev.covet.migrations.internal.execute;

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
    // "[covet-connection:42]" before the server was recorded, "[covet-connection:42@db-2:3306]" since
    private static final Pattern SESSION = Pattern.compile("\\[covet-connection:(\\d{1,19})(?:@([^\\]\\s]{1,255}))?]");
    private static final String SESSION_OPEN = "[covet-connection:";

    private StatementsFingerprint() {
    }

    /** The first 16 hex characters of SHA-256 over the display text of the first {@code n} steps, joined by '\n'. */
    static String of(List<Step> steps, int n) {
        Prefix prefix = new Prefix();
        for (int i = 0; i < n; i++) {
            prefix.add(steps.get(i));
        }
        return prefix.fingerprint();
    }

    /** The detail to record: the human text (or none) followed by the token for the first {@code n} steps. */
    static String detail(String text, List<Step> steps, int n) {
        return detail(text, of(steps, n));
    }

    /** The detail to record: the human text (or none) followed by the token for {@code fingerprint}. */
    static String detail(String text, String fingerprint) {
        String token = OPEN + fingerprint + "]";
        return text == null || text.isEmpty() ? token : text + " " + token;
    }

    /**
     * The detail to record while a MySQL migration runs: the fingerprint and the id of the server session that runs
     * its statements (and its server), so that a resume after a kill can wait for a statement that session still runs.
     */
    static String detail(String fingerprint, ServerSession session) {
        String server = session.server() == null ? "" : "@" + session.server().replaceAll("[\\]\\s]", "_");
        return OPEN + fingerprint + "]" + SESSION_OPEN + session.id() + server + "]";
    }

    /** The server session recorded in a detail, or {@code null}. */
    static ServerSession connection(String detail) {
        if (detail == null) {
            return null;
        }
        Matcher m = SESSION.matcher(detail);
        ServerSession last = null;
        while (m.find()) {
            last = new ServerSession(Long.parseLong(m.group(1)), m.group(2));
        }
        return last;
    }

    /**
     * The fingerprint of a growing prefix of the statements, one statement at a time: a migration that records
     * progress after each of n statements hashes each statement once, not n times.
     */
    static final class Prefix {
        private final MessageDigest digest;
        private int count;

        Prefix() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
        }

        void add(Step step) {
            if (count++ > 0) {
                digest.update((byte) '\n');
            }
            digest.update(step.display().getBytes(StandardCharsets.UTF_8));
        }

        String fingerprint() {
            try {
                return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest()).substring(0, 16);
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("SHA-256 digests can be cloned on every Java platform", e);
            }
        }
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
        if (detail == null || (recorded(detail) == null && connection(detail) == null)) {
            return detail;
        }
        int at = recorded(detail) != null ? detail.lastIndexOf(OPEN) : detail.lastIndexOf(SESSION_OPEN);
        String text = detail.substring(0, at).stripTrailing();
        return text.isEmpty() ? null : text;
    }
}
