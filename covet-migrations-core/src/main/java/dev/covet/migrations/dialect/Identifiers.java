package dev.covet.migrations.dialect;

import java.util.regex.Pattern;

/**
 * The one rule for identifiers in rendered SQL. Names are validated rather than escaped: a name that needs
 * escaping is almost always a mistake or an attack, and refusing it keeps the quoting trivially safe.
 */
final class Identifiers {

    /** Letters, digits and '_', not starting with a digit, 1..63 characters (PostgreSQL's limit). */
    private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private Identifiers() {
    }

    /**
     * The identifier unchanged when valid.
     *
     * @throws IllegalArgumentException naming the identifier otherwise
     */
    static String requireValid(String identifier) {
        if (identifier == null || !VALID.matcher(identifier).matches()) {
            throw new IllegalArgumentException("invalid identifier '" + identifier
                    + "': use letters, digits and '_' (at most 63 characters)");
        }
        return identifier;
    }
}
