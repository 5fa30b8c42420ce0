package dev.covet.migrations.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code covet migrate}: applies the pending migrations (read from the compiled classes, so run it after
 * {@code process-resources}, e.g. {@code mvn compile covet:migrate}).
 */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MigrateMojo extends AbstractCovetMojo {

    /** Migrate up to this migration, inclusive ({@code --target}). */
    @Parameter(property = "covet.target")
    private String target;

    /** {@code expand} holds back contract migrations and what depends on them; {@code contract}: everything ({@code --phase}). */
    @Parameter(property = "covet.phase")
    private String phase;

    /** Print the SQL that would run; change nothing ({@code --dry-run}). */
    @Parameter(property = "covet.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Back up the rows a drop removes even above {@code covet.migrations.backup.max-rows} ({@code --force}). */
    @Parameter(property = "covet.force", defaultValue = "false")
    private boolean force;

    @Override
    protected String command() {
        return "migrate";
    }

    @Override
    protected List<String> arguments() {
        List<String> args = new ArrayList<>();
        Arguments.value(args, "target", target);
        Arguments.value(args, "phase", phase);
        Arguments.flag(args, "dry-run", dryRun);
        Arguments.flag(args, "force", force);
        return args;
    }
}
