package dev.covet.migrations.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code covet rollback}: validates and rolls back the last migrations, with a backup of the rows at risk. A high risk
 * fails the build unless {@code force} is set; {@code dryRun} only prints the risk and SQL.
 */
@Mojo(name = "rollback", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RollbackMojo extends AbstractCovetMojo {

    /** How many migrations to roll back ({@code --steps}, default 1); not with {@code target}. */
    @Parameter(property = "covet.steps")
    private Integer steps;

    /** Roll back everything applied after this migration ({@code --target}); not with {@code steps}. */
    @Parameter(property = "covet.target")
    private String target;

    /** Validate and print the risk and SQL; change nothing ({@code --dry-run}). */
    @Parameter(property = "covet.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Go ahead despite a high risk, still with its backup ({@code --force}). */
    @Parameter(property = "covet.force", defaultValue = "false")
    private boolean force;

    @Override
    protected String command() {
        return "rollback";
    }

    @Override
    protected List<String> arguments() {
        List<String> args = new ArrayList<>();
        Arguments.value(args, "steps", steps);
        Arguments.value(args, "target", target);
        Arguments.flag(args, "dry-run", dryRun);
        Arguments.flag(args, "force", force);
        return args;
    }
}
