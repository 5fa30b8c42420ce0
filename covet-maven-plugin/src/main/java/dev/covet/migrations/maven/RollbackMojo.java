package dev.covet.migrations.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code covet rollback}: validates and rolls back the newest migration ({@code steps} of them, or down to
 * {@code target}), with a backup of the rows at risk. A high risk fails the build unless {@code force} is set;
 * {@code dryRun} only prints the risk and SQL.
 */
@Mojo(name = "rollback", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RollbackMojo extends AbstractChangeMojo {

    /** How many migrations to roll back ({@code --steps}, default 1); not with {@code target}. */
    @Parameter(property = "covet.steps")
    private Integer steps;

    @Override
    protected String command() {
        return "rollback";
    }

    @Override
    protected List<String> arguments() {
        List<String> args = new ArrayList<>();
        Arguments.value(args, "steps", steps);
        addChangeOptions(args);
        return args;
    }
}
