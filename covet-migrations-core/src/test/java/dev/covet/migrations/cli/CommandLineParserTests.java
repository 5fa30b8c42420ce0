package dev.covet.migrations.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineParserTests {

    private static final CommandSpec ROLLBACK = new CommandSpec("rollback", "covet rollback",
            Set.of("dry-run", "force"), Set.of("steps"), 0, 0);

    @Test
    void parsesFlagsValuesAndJson() {
        ParsedCommand c = CommandLineParser.parse(ROLLBACK, List.of("--steps", "3", "--dry-run", "--json"));
        assertThat(c.intValue("steps", 1, 1)).isEqualTo(3);
        assertThat(c.flag("dry-run")).isTrue();
        assertThat(c.flag("force")).isFalse();
        assertThat(c.json()).isTrue();
        assertThat(CommandLineParser.parse(ROLLBACK, List.of("--steps=2")).intValue("steps", 1, 1)).isEqualTo(2);
    }

    @Test
    void skipsSpringProperties() {
        ParsedCommand c = CommandLineParser.parse(ROLLBACK, List.of("--spring.profiles.active=postgres", "--force"));
        assertThat(c.flag("force")).isTrue();
    }

    @Test
    void rejectsWhatTheCommandDoesNotDeclare() {
        assertThatThrownBy(() -> CommandLineParser.parse(ROLLBACK, List.of("--target", "x")))
                .isInstanceOf(UsageException.class).hasMessageContaining("unknown option --target");
        assertThatThrownBy(() -> CommandLineParser.parse(ROLLBACK, List.of("--steps")))
                .isInstanceOf(UsageException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> CommandLineParser.parse(ROLLBACK, List.of("extra")))
                .isInstanceOf(UsageException.class).hasMessageContaining("unexpected argument");
        assertThatThrownBy(() -> CommandLineParser.parse(ROLLBACK, List.of("--force=yes")))
                .isInstanceOf(UsageException.class).hasMessageContaining("takes no value");
        assertThatThrownBy(() -> CommandLineParser.parse(ROLLBACK, List.of("--steps", "0")).intValue("steps", 1, 1))
                .isInstanceOf(UsageException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> CommandLineParser.parse(ROLLBACK, List.of("--steps", "two")).intValue("steps", 1, 1))
                .isInstanceOf(UsageException.class).hasMessageContaining("whole number");
    }

    @Test
    void positionalArguments() {
        CommandSpec sqlmigrate = new CommandSpec("sqlmigrate", "u", Set.of("backwards"), Set.of(), 1, 1);
        assertThat(CommandLineParser.parse(sqlmigrate, List.of("0001_x", "--backwards")).positional()).containsExactly("0001_x");
        assertThatThrownBy(() -> CommandLineParser.parse(sqlmigrate, List.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("needs 1 argument");
    }

    @Test
    void durations() {
        CommandSpec audit = new CommandSpec("audit", "u", Set.of(), Set.of("since"), 0, 0);
        assertThat(CommandLineParser.parse(audit, List.of("--since", "7d")).durationValue("since")).isEqualTo(Duration.ofDays(7));
        assertThat(CommandLineParser.parse(audit, List.of("--since", "12h")).durationValue("since")).isEqualTo(Duration.ofHours(12));
        assertThatThrownBy(() -> CommandLineParser.parse(audit, List.of("--since", "soon")).durationValue("since"))
                .isInstanceOf(UsageException.class);
    }
}
