package dev.covet.migrations.safety;

/**
 * How dangerous a rollback is, from the reverse operations it would run and real counts from the database.
 */
public enum RollbackRisk {
    /** Nothing is lost: renames, added objects removed while empty, indexes recreated. */
    SAFE("No data loss, fully reversible", "Can proceed"),
    /** Only derived objects are dropped (indexes, constraints, foreign keys), or hand-written reverse SQL runs. */
    LOW("Minimal risk, backup recommended", "Review and proceed"),
    /** Rows will be lost, but no more than the configured threshold. */
    MEDIUM("Some risk, backup required", "Create backup, verify staging"),
    /** More rows than the threshold lost, values that do not fit a narrower type, or dependants that break. */
    HIGH("Significant risk, may lose data", "Test in staging, backup required"),
    /** Irreversible: raw SQL or Java code without a reverse. */
    CRITICAL("Destructive or irreversible", "Manual intervention required");

    private final String description;
    private final String action;

    RollbackRisk(String description, String action) {
        this.description = description;
        this.action = action;
    }

    public String description() {
        return description;
    }

    public String action() {
        return action;
    }

    /** The higher of two risks. */
    public RollbackRisk max(RollbackRisk other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
