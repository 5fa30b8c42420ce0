package dev.covet.migrations.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code covet status}: the applied, pending and failed migrations. */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StatusMojo extends AbstractCovetMojo {

    @Override
    protected String command() {
        return "status";
    }
}
