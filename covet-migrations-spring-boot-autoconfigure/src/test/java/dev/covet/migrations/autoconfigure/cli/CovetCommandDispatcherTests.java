package dev.covet.migrations.autoconfigure.cli;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit codes and output of the commands that need no engine. */
class CovetCommandDispatcherTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CovetCommandDispatcher dispatcher = new CovetCommandDispatcher(
            List.of(new MakeMigrationsCommand(), new SquashCommand(), new AuditCommand()),
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
    void badOptionValuesAreBadUsageBeforeNotAvailable() {
        assertThat(run("makemigrations", "--name", "Bad Name")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("squash", "--preserve-recent", "-1")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("audit", "--since", "yesterday")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void notAvailableCommandsFailClearly() {
        assertThat(run("makemigrations", "--name", "add_email", "--empty")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("not available yet: migration generation");
        assertThat(run("audit", "--failed", "--since", "7d", "--report", "r.html")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("not available yet: the migration audit trail");
    }

    @Test
    void jsonPrintsExactlyOneDocument() {
        assertThat(run("squash", "--json", "--preserve-recent", "3")).isEqualTo(ExitCodes.FAILURE);
        JsonNode document = JsonMapper.builder().build().readTree(out());
        assertThat(document.get("error").asString()).startsWith("not available yet: migration squashing");
        assertThat(document.get("available").asBoolean()).isFalse();
    }

    @Test
    void jsonUsageErrorIsAlsoOneDocument() {
        assertThat(run("audit", "--json", "--nope")).isEqualTo(ExitCodes.USAGE);
        JsonNode document = JsonMapper.builder().build().readTree(out());
        assertThat(document.get("error").asString()).contains("unknown option --nope");
    }
}
