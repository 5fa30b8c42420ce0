package dev.covet.migrations.audit;

/**
 * An audit row whose hash does not match its content or its predecessor: changed or deleted after it was written.
 *
 * @param id the row where the chain breaks
 * @param problem what is wrong
 */
public record TamperFinding(long id, String problem) {
}
