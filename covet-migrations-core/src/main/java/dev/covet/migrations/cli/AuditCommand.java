package dev.covet.migrations.cli;

import dev.covet.migrations.audit.AuditEntry;
import dev.covet.migrations.audit.AuditStatistics;
import dev.covet.migrations.audit.MigrationAuditLog;
import dev.covet.migrations.audit.TamperFinding;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code covet audit [--failed] [--since 7d] [--report FILE] [--verify]}: the audit trail of executions and
 * rollbacks. {@code --report} writes a JSON compliance report for the period; {@code --verify} checks the hash
 * chain and fails when a row was changed or deleted.
 */
public class AuditCommand extends SpecifiedCommand {

    static final CommandSpec SPEC = new CommandSpec("audit",
            "covet audit [--failed] [--since 7d] [--report FILE] [--verify] [--json]", Set.of("failed", "verify"),
            Set.of("since", "report"), 0, 0);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final MigrationAuditLog auditLog;

    /**
     * Creates the command.
     *
     * @param auditLog the audit log, or {@code null} when auditing is disabled
     */
    public AuditCommand(MigrationAuditLog auditLog) {
        super(SPEC);
        this.auditLog = auditLog;
    }

    @Override
    public int execute(ParsedCommand command, CommandOutput output) {
        Duration since = command.durationValue("since");
        String reportFile = command.value("report");
        if (reportFile != null && reportFile.isBlank()) {
            throw new UsageException("--report needs a file name");
        }
        if (auditLog == null) {
            output.error(command.json(), "auditing is disabled (covet.migrations.audit.enabled=false)", null);
            return ExitCodes.FAILURE;
        }
        Instant from = since == null ? Instant.EPOCH : Instant.now().minus(since);
        List<AuditEntry> entries = command.flag("failed") ? auditLog.getFailedMigrations(from)
                : auditLog.getEntries(from, Instant.now().plusSeconds(1));
        List<TamperFinding> tampering = command.flag("verify") ? auditLog.verify() : List.of();
        Report report = new Report(from, Instant.now(), auditLog.getStatistics(), entries, tampering,
                command.flag("verify") ? tampering.isEmpty() : null);
        if (reportFile != null) {
            try {
                Files.writeString(Path.of(reportFile), JSON.writeValueAsString(report));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the audit report " + reportFile, e);
            }
        }
        output.result(command, report, text(report, reportFile));
        return tampering.isEmpty() ? ExitCodes.SUCCESS : ExitCodes.FAILURE;
    }

    private static String text(Report r, String reportFile) {
        StringBuilder b = new StringBuilder();
        AuditStatistics s = r.statistics();
        b.append(String.format("%d execution(s), %d failed, %d rollback(s), success rate %.0f%%, average %.0f ms%n",
                s.totalExecutions(), s.failed(), s.rollbacks(), s.successRate() * 100, s.averageDurationMs()));
        for (AuditEntry e : r.entries()) {
            b.append(String.format("  #%d %s %-4s %-7s %s by %s in %s%s%n", e.id(), e.startedAt(), e.direction(), e.status(),
                    e.migration(), e.executor(), e.environment(), e.error() == null ? "" : ": " + e.error()));
        }
        if (r.verified() != null) {
            b.append(r.verified() ? "Audit trail intact." : "AUDIT TRAIL TAMPERED:");
            r.tampering().forEach(t -> b.append("\n  row ").append(t.id()).append(": ").append(t.problem()));
        }
        if (reportFile != null) {
            b.append("\nReport written to ").append(reportFile);
        }
        return b.toString().stripTrailing();
    }

    /**
     * The JSON document of {@code covet audit --json} and the compliance report.
     *
     * @param from start of the period
     * @param to end of the period
     * @param statistics totals over the whole trail
     * @param entries executions in the period (or the failed ones)
     * @param tampering rows whose hash does not match (with {@code --verify})
     * @param verified whether the chain is intact, or null when not checked
     */
    public record Report(Instant from, Instant to, AuditStatistics statistics, List<AuditEntry> entries,
                         List<TamperFinding> tampering, Boolean verified) {
    }
}
