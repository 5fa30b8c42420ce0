package dev.covet.migrations;

import java.util.List;

/**
 * What a lint run found.
 *
 * @param dialect the dialect the rules were chosen for
 * @param migrationsChecked how many migrations were linted
 * @param findings the risky operations, in migration order
 */
public record LintReport(String dialect, int migrationsChecked, List<LintFinding> findings) {

    public LintReport {
        findings = List.copyOf(findings);
    }

    /** Whether nothing was found. */
    public boolean isClean() {
        return findings.isEmpty();
    }
}
