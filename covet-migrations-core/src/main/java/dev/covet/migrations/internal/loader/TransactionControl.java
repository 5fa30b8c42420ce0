package dev.covet.migrations.internal.loader;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots a statement that begins or ends a transaction ({@code BEGIN}, {@code COMMIT}, {@code ROLLBACK},
 * {@code START TRANSACTION}, {@code END}, {@code ABORT}, {@code SET autocommit}, {@code XA}, PostgreSQL's
 * {@code PREPARE TRANSACTION}). Covet runs each migration in a transaction it owns: such a statement would commit
 * half a migration that Covet then reports as rolled back, so a file that has one is refused before anything runs.
 * {@code SAVEPOINT}, {@code RELEASE} and {@code ROLLBACK TO} stay inside the transaction and are allowed.
 */
final class TransactionControl {

    private static final Pattern CONTROL = Pattern.compile(
            "(BEGIN(\\s+(TRANSACTION|WORK|TRAN|DEFERRED|IMMEDIATE|EXCLUSIVE|ISOLATION|READ)\\b.*)?"
                    + "|START\\s+TRANSACTION\\b.*"
                    + "|COMMIT\\b.*"
                    + "|END(\\s+(TRANSACTION|WORK)\\b.*)?"
                    + "|ABORT\\b.*"
                    + "|ROLLBACK(?!\\s+(WORK\\s+|TRANSACTION\\s+)?TO\\b)\\b.*"
                    + "|PREPARE\\s+TRANSACTION\\b.*"
                    + "|XA\\s+\\w+.*"
                    + "|SET\\s+(GLOBAL\\s+|SESSION\\s+|LOCAL\\s+|@@(GLOBAL\\.|SESSION\\.|LOCAL\\.)?)?AUTOCOMMIT\\b.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private TransactionControl() {
    }

    /** The statement's transaction-control keyword ({@code COMMIT}), if it is one. */
    static Optional<String> in(String statement) {
        String code = withoutLeadingComments(statement);
        Matcher m = CONTROL.matcher(code);
        if (!m.matches()) {
            return Optional.empty();
        }
        String[] words = code.split("[\\s;(=]+", 3);
        String keyword = words.length > 1 && (words[0].equalsIgnoreCase("START") || words[0].equalsIgnoreCase("SET")
                || words[0].equalsIgnoreCase("PREPARE") || words[0].equalsIgnoreCase("XA")) ? words[0] + " " + words[1] : words[0];
        return Optional.of(keyword.toUpperCase(Locale.ROOT));
    }

    /** Why the statement is refused, for a loader error. */
    static String problem(String keyword) {
        return keyword + " would end the transaction Covet runs the migration in (part of it would then stay applied"
                + " whatever happens after): remove it; Covet commits or rolls back each migration itself";
    }

    private static String withoutLeadingComments(String sql) {
        int i = 0;
        while (i < sql.length()) {
            if (Character.isWhitespace(sql.charAt(i))) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                break;
            }
        }
        return sql.substring(i).strip();
    }
}
