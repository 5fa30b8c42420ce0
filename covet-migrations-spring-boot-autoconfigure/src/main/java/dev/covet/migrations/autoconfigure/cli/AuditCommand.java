package dev.covet.migrations.autoconfigure.cli;

import java.util.Set;

/**
 * {@code covet audit [--failed] [--since 7d] [--report FILE]}: the audit trail. Waits for the audit log.
 */
public class AuditCommand extends NotAvailableCommand {

    private static final CommandSpec SPEC = new CommandSpec("audit",
            "covet audit [--failed] [--since 7d] [--report FILE] [--json]", Set.of("failed"), Set.of("since", "report"), 0, 0);

    /** Creates the command. */
    public AuditCommand() {
        super("the migration audit trail (MigrationAuditLog, covet_migration_audit; audit issue)");
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    void validate(ParsedCommand command) {
        command.durationValue("since");
        String report = command.value("report");
        if (report != null && report.isBlank()) {
            throw new UsageException("--report needs a file name");
        }
    }
}
