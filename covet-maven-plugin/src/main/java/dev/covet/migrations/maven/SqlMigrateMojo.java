package dev.covet.migrations.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.ArrayList;
import java.util.List;

/** {@code covet sqlmigrate ID}: prints the SQL of one migration for the configured database, running nothing. */
@Mojo(name = "sqlmigrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class SqlMigrateMojo extends AbstractCovetMojo {

    /** The migration's id, e.g. {@code 0001_create_users} (or {@code app:0001_create_users}). */
    @Parameter(property = "covet.migration", required = true)
    private String migration;

    /** The SQL that rolls it back instead ({@code --backwards}). */
    @Parameter(property = "covet.backwards", defaultValue = "false")
    private boolean backwards;

    @Override
    protected String command() {
        return "sqlmigrate";
    }

    @Override
    protected List<String> arguments() {
        List<String> args = new ArrayList<>(List.of(migration.trim()));
        Arguments.flag(args, "backwards", backwards);
        return args;
    }
}
