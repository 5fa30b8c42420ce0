package dev.covet.migrations.internal.diff;

import java.util.Locale;

/**
 * How alike two identifiers are, from 0 (unrelated) to 1 (the same), for rename detection.
 *
 * <p>The score is the best of three measures, because plain normalized Levenshtein similarity misses the
 * renames people actually make (adding a qualifier: {@code name -> username}, {@code email -> email_address}):
 * <ul>
 *   <li>{@link #levenshtein}: {@code 1 - editDistance / longerLength}, case-insensitive;</li>
 *   <li>{@link #SAME_IGNORING_SEPARATORS} (0.95) when the names differ only in case and {@code _}
 *       ({@code user_name -> userName});</li>
 *   <li>{@link #containment}: one name is part of the other: {@link #TOKEN_CONTAINMENT} (0.90) when the shorter
 *       name's snake_case tokens are a run of the longer name's tokens ({@code email -> email_address}),
 *       {@link #AFFIX_CONTAINMENT} (0.85) when it is a plain prefix or suffix ({@code name -> username}).
 *       Containment only counts when the contained part is at least {@value #MIN_CONTAINED_LENGTH} characters
 *       long or at least half the longer name, so {@code id} inside {@code user_identifier} counts for nothing.</li>
 * </ul>
 */
public final class NameSimilarity {

    /** Score of a token-aligned containment: the shorter name is whole words of the longer one. */
    public static final double TOKEN_CONTAINMENT = 0.90;
    /** Score of a prefix or suffix that does not fall on a word boundary. */
    public static final double AFFIX_CONTAINMENT = 0.85;
    /** Score of names equal but for case and underscores. */
    public static final double SAME_IGNORING_SEPARATORS = 0.95;
    /** Shortest contained part that counts (unless it is at least half the longer name). */
    public static final int MIN_CONTAINED_LENGTH = 3;

    private NameSimilarity() {
    }

    /** The similarity of two names: the best of Levenshtein, separator-insensitive equality and containment. */
    public static double score(String a, String b) {
        return scoreOfLowerCase(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
    }

    /** {@link #score} of names already in lower case (callers comparing many pairs lower-case each name once). */
    public static double scoreOfLowerCase(String x, String y) {
        if (x.equals(y)) {
            return 1.0;
        }
        if (x.replace("_", "").equals(y.replace("_", ""))) {
            return SAME_IGNORING_SEPARATORS;
        }
        return Math.max(levenshtein(x, y), containment(x, y));
    }

    /** {@code 1 - distance / longerLength}: 1 for equal names, 0 for names with nothing in common. */
    public static double levenshtein(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        return longer == 0 ? 1.0 : 1.0 - (double) distance(a, b) / longer;
    }

    /** The Levenshtein edit distance (insertions, deletions, substitutions). */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * {@link #TOKEN_CONTAINMENT} or {@link #AFFIX_CONTAINMENT} when one (lower-case) name contains the other as
     * described in the class comment, else 0.
     */
    public static double containment(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        boolean longEnough = shorter.length() >= MIN_CONTAINED_LENGTH || 2 * shorter.length() >= longer.length();
        if (shorter.isEmpty() || !longEnough || !longer.contains(shorter)) {
            return 0.0;
        }
        // Token-aligned: "_email_" inside "_work_email_address_".
        if (("_" + longer + "_").contains("_" + shorter + "_")) {
            return TOKEN_CONTAINMENT;
        }
        return longer.startsWith(shorter) || longer.endsWith(shorter) ? AFFIX_CONTAINMENT : 0.0;
    }
}
