package dev.covet.migrations.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Help and usage errors answered from the commands' specs alone, before an application is started. */
class HelpOnlyDispatcherTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CovetCommandDispatcher helpOnly = CovetCommands.helpOnly(
            new CommandOutput(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));

    @Test
    void specsListEveryCommandInTheOrderOfTheRealCommands() {
        List<CommandSpec> built = CovetCommands.all(null, null, null, CommandSettings.defaults(), null).stream()
                .map(CovetCommand::spec).toList();
        assertThat(CovetCommands.specs()).isEqualTo(built);
    }

    @Test
    void answersHelpUsageErrorsAndUnknownCommands() {
        assertThat(helpOnly.answersWithoutRunning(List.of())).isTrue();
        assertThat(helpOnly.answersWithoutRunning(List.of("help"))).isTrue();
        assertThat(helpOnly.answersWithoutRunning(List.of("--help"))).isTrue();
        assertThat(helpOnly.answersWithoutRunning(List.of("status", "--help"))).isTrue();
        assertThat(helpOnly.answersWithoutRunning(List.of("frobnicate"))).isTrue();
        assertThat(helpOnly.answersWithoutRunning(List.of("status"))).isFalse();
        assertThat(helpOnly.answersWithoutRunning(List.of("migrate", "--dry-run"))).isFalse();
        // A bad option of a real command is reported by the command's own parser, once the application runs.
        assertThat(helpOnly.answersWithoutRunning(List.of("status", "--bogus"))).isFalse();
    }

    @Test
    void printsTheSameHelpAsTheRealCommands() {
        assertThat(helpOnly.run(List.of("help"))).isEqualTo(ExitCodes.SUCCESS);
        for (CommandSpec spec : CovetCommands.specs()) {
            assertThat(err.toString(StandardCharsets.UTF_8)).contains(spec.usage());
        }
        assertThat(helpOnly.run(List.of("rollback", "--help"))).isEqualTo(ExitCodes.SUCCESS);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--target ID");
        assertThat(helpOnly.run(List.of("frobnicate"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'");
    }

    @Test
    void refusesToRunACommand() {
        assertThat(helpOnly.run(List.of("status"))).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("covet status needs the application");
    }
}
