package dev.covet.migrations.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code covet makemigrations}: compares the project's compiled JPA entities with the schema its migrations project
 * and writes the difference as the next migration into {@code covet.migrations.output-directory} (relative to the
 * project). Never asks: a possible rename or a new NOT NULL column without a default fails the build, naming the
 * parameter ({@code renames}, {@code noRenames}, {@code defaults}) that settles it. With {@code check} it writes
 * nothing and fails when the entities and the migrations differ: the CI gate. Run it after {@code compile}.
 */
@Mojo(name = "makemigrations", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MakeMigrationsMojo extends AbstractCovetMojo {

    /** Fail when the entities and the migrations differ; write nothing ({@code --check}). */
    @Parameter(property = "covet.check", defaultValue = "false")
    private boolean check;

    /** Print the migration instead of writing it ({@code --dry-run}). */
    @Parameter(property = "covet.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** The migration's name, snake_case ({@code --name}); default: made from its operations. */
    @Parameter(property = "covet.name")
    private String name;

    /** An empty migration to fill in by hand ({@code --empty}). */
    @Parameter(property = "covet.empty", defaultValue = "false")
    private boolean empty;

    /** An expand and a contract migration instead of one ({@code --zero-downtime}). */
    @Parameter(property = "covet.zeroDowntime", defaultValue = "false")
    private boolean zeroDowntime;

    /** Renames: {@code TABLE.OLD=NEW} (a column) or {@code OLD_TABLE=NEW_TABLE} ({@code --rename}, one per entry). */
    @Parameter(property = "covet.renames")
    private List<String> renames;

    /** A drop and an add that are not a rename, same forms ({@code --no-rename}). */
    @Parameter(property = "covet.noRenames")
    private List<String> noRenames;

    /** Values for existing rows of a new NOT NULL column: {@code TABLE.COLUMN=VALUE} ({@code --default}). */
    @Parameter(property = "covet.defaults")
    private List<String> defaults;

    /** Packages scanned for entities; default: those of {@code @EntityScan}, else of the {@code @SpringBootApplication}. */
    @Parameter(property = "covet.entityPackages")
    private List<String> entityPackages;

    @Override
    protected String command() {
        return "makemigrations";
    }

    @Override
    protected boolean readsEntities() {
        return true;
    }

    @Override
    protected List<String> entityPackages() {
        return entityPackages == null ? List.of() : entityPackages;
    }

    @Override
    protected String failureHint(String message) {
        if (!message.contains("--rename") && !message.contains("--no-rename") && !message.contains("--default")
                && !message.contains("flag")) {
            return "";
        }
        return "\n(the flags named above are this goal's parameters: --rename X -> -Dcovet.renames=X, --no-rename X -> "
                + "-Dcovet.noRenames=X, --default X -> -Dcovet.defaults=X; several values comma-separated)";
    }

    @Override
    protected List<String> arguments() {
        // No questions in a build: an undecided change fails with the flags that settle it.
        List<String> args = new ArrayList<>(List.of("--no-input"));
        Arguments.flag(args, "check", check);
        Arguments.flag(args, "dry-run", dryRun);
        Arguments.value(args, "name", name);
        Arguments.flag(args, "empty", empty);
        Arguments.flag(args, "zero-downtime", zeroDowntime);
        Arguments.values(args, "rename", renames);
        Arguments.values(args, "no-rename", noRenames);
        Arguments.values(args, "default", defaults);
        return args;
    }
}
