package dev.covet.migrations.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code covet migrate}: applies the pending migrations, up to {@code target} if given. They are read from the
 * compiled classes, so run it after {@code process-resources}, e.g. {@code mvn process-resources covet:migrate}.
 */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MigrateMojo extends AbstractChangeMojo {

    /** {@code expand} holds back contract migrations and what depends on them; {@code contract}: everything ({@code --phase}). */
    @Parameter(property = "covet.phase")
    private String phase;

    /**
     * Every tenant of {@code covet.migrations.tenants.*} instead of the application's database ({@code --tenants}),
     * each with this goal's {@code target}, {@code phase}, {@code dryRun} and {@code force}: a tenant past the target
     * is reported, not rolled back; a dry run prints the tenants grouped by what they would get.
     */
    @Parameter(property = "covet.tenants", defaultValue = "false")
    private boolean tenants;

    @Override
    protected String command() {
        return "migrate";
    }

    @Override
    protected List<String> arguments() {
        List<String> args = new ArrayList<>();
        Arguments.value(args, "phase", phase);
        Arguments.flag(args, "tenants", tenants);
        addChangeOptions(args);
        return args;
    }
}
