package dev.covet.migrations.internal.loader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checksums over normalized content: line endings (CRLF, CR, LF), trailing blanks on a line, a byte-order mark
 * and trailing blank lines do not change the checksum, so a checkout on Windows or an editor's whitespace
 * clean-up does not make an applied migration look modified.
 */
public final class Checksums {

    private Checksums() {
    }

    /** The normalized form of a file's text. */
    public static String normalize(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        StringBuilder out = new StringBuilder(s.length());
        int start = 0;
        int n = s.length();
        while (start <= n) {
            int end = start;
            while (end < n && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
                end++;
            }
            int trimmed = end;
            while (trimmed > start && (s.charAt(trimmed - 1) == ' ' || s.charAt(trimmed - 1) == '\t')) {
                trimmed--;
            }
            out.append(s, start, trimmed).append('\n');
            if (end >= n) {
                break;
            }
            start = end + (s.charAt(end) == '\r' && end + 1 < n && s.charAt(end + 1) == '\n' ? 2 : 1);
        }
        int len = out.length();
        while (len > 0 && out.charAt(len - 1) == '\n') {
            len--;
        }
        out.setLength(len);
        return out.toString();
    }

    /** SHA-256 (hex) of the normalized text. */
    public static String of(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(normalize(text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
