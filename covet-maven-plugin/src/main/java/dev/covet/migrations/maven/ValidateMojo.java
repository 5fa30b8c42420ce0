package dev.covet.migrations.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code covet validate}: fails the build when the migrations and the database disagree (modified or missing applied
 * migrations, failed ones, an order that cannot be applied).
 */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class ValidateMojo extends AbstractCovetMojo {

    @Override
    protected String command() {
        return "validate";
    }
}
