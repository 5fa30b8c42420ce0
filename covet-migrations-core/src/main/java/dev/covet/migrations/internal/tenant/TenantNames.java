package dev.covet.migrations.internal.tenant;

import java.util.regex.Pattern;

/**
 * Which tenant names Covet accepts. A name becomes a schema on the search path or a database a connection switches
 * to, and appears in logs and reports: letters, digits, {@code _}, {@code -} and {@code $} only, as PostgreSQL and
 * MySQL allow them unquoted (plus {@code -}), at most 63 characters (PostgreSQL's limit). Quotes, {@code ;},
 * {@code /}, dots and spaces are refused, so a name can neither end a quoted identifier nor point elsewhere.
 */
public final class TenantNames {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_$-]{0,62}");

    private TenantNames() {
    }

    /**
     * Refuses a name Covet does not accept.
     *
     * @throws IllegalArgumentException naming the tenant and why
     */
    public static void check(String name) {
        if (!ALLOWED.matcher(name).matches()) {
            throw new IllegalArgumentException("tenant '" + printable(name) + "' refused: a tenant name may hold only"
                    + " letters, digits, '_', '-' and '$' (at most 63, not starting with '-' or '$'), because it becomes"
                    + " a schema or database name; rename the schema or database, or list the tenant under another name"
                    + " through a TenantSource");
        }
    }

    /** The name with control characters shown as {@code ?}, so a message cannot forge log lines. */
    static String printable(String name) {
        return name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
