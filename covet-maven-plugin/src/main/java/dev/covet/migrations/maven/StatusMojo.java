package dev.covet.migrations.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.ArrayList;
import java.util.List;

/** {@code covet status}: the applied, pending and failed migrations. */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StatusMojo extends AbstractCovetMojo {

    /** Where every tenant of {@code covet.migrations.tenants.*} stands instead ({@code --tenants}). */
    @Parameter(property = "covet.tenants", defaultValue = "false")
    private boolean tenants;

    @Override
    protected String command() {
        return "status";
    }

    @Override
    protected List<String> arguments() {
        List<String> args = new ArrayList<>();
        Arguments.flag(args, "tenants", tenants);
        return args;
    }
}
