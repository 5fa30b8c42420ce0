package dev.covet.migrations.cli;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit codes and output of commands on paths that need no database. */
class CovetCommandDispatcherTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CovetCommandDispatcher dispatcher = new CovetCommandDispatcher(
            List.of(new MakeMigrationsCommand(null, CommandSettings.defaults(), null),
                    new SquashCommand(null, CommandSettings.defaults()), new AuditCommand(null),
                    new RollbackCommand(null), new StatusCommand(null), new RepairCommand(null)),
            new CommandOutput(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));

    private int run(String... args) {
        return dispatcher.run(List.of(args));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noOrUnknownCommandIsBadUsage() {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("usage:").contains("makemigrations");
        assertThat(run("frobnicate")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("unknown command 'frobnicate'");
    }

    @Test
    void helpSucceeds() {
        assertThat(run("help")).isEqualTo(ExitCodes.SUCCESS);
        assertThat(err()).contains("covet squash");
    }

    @Test
    void unknownOptionIsBadUsage() {
        assertThat(run("makemigrations", "--bogus")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("unknown option --bogus").contains("usage: covet makemigrations");
        assertThat(out()).isEmpty();
    }

    @Test
    void usageErrorsOfEveryKindExitWithTwoBeforeTouchingTheDatabase() {
        assertThat(run("rollback", "--steps", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("status", "--bogus")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("audit", "--since", "soon")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("makemigrations", "--rename", "owners.telephone")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("--rename needs TABLE.OLD=NEW");
        assertThat(run("makemigrations", "--default", "active=false")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("makemigrations", "--check", "--dry-run")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("makemigrations", "--name", "a", "--name", "b")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("--name given twice");
    }

    @Test
    void rollbackTakesStepsOrATargetNeverBoth() {
        assertThat(run("rollback", "--steps", "2", "--target", "0001_initial")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("--steps and --target cannot be used together").contains("usage: covet rollback");
        assertThat(run("rollback", "--target", "")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("rollback", "--help")).isEqualTo(ExitCodes.SUCCESS);
        assertThat(out()).contains("--target ID", "keeping ID");
    }

    @Test
    void repairTakesOnlyDryRunAndJson() {
        assertThat(run("repair", "extra")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("repair", "--steps", "1")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("usage: covet repair");
        assertThat(run("repair", "--help")).isEqualTo(ExitCodes.SUCCESS);
        assertThat(out()).contains("usage: covet repair [--dry-run] [--json]", "print what would change");
    }

    @Test
    void everyCommandPrintsItsHelpAndSucceeds() {
        for (String command : List.of("makemigrations", "squash", "audit", "rollback", "status", "repair")) {
            assertThat(run(command, "--help")).as(command).isEqualTo(ExitCodes.SUCCESS);
            assertThat(out()).contains("usage: covet " + command, "--json", "--help");
        }
        assertThat(out()).contains("--rename T.OLD=NEW", "--no-input", "--check", "--dry-run");
    }

    @Test
    void badOptionValuesAreBadUsage() {
        assertThat(run("makemigrations", "--name", "Bad Name")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("squash", "--preserve-recent", "-1")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("audit", "--since", "yesterday")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void missingCapabilitiesFailClearly() {
        assertThat(run("makemigrations", "--name", "add_email")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("no entity model").contains("--empty");
        assertThat(run("audit", "--failed", "--since", "7d", "--report", "r.json")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("auditing is disabled");
    }

    @Test
    void jsonPrintsExactlyOneDocument() {
        assertThat(run("audit", "--json", "--since", "3d")).isEqualTo(ExitCodes.FAILURE);
        JsonNode document = JsonMapper.builder().build().readTree(out());
        assertThat(document.get("error").asString()).startsWith("auditing is disabled");
    }

    @Test
    void jsonUsageErrorIsAlsoOneDocument() {
        assertThat(run("audit", "--json", "--nope")).isEqualTo(ExitCodes.USAGE);
        JsonNode document = JsonMapper.builder().build().readTree(out());
        assertThat(document.get("error").asString()).contains("unknown option --nope");
    }
}
