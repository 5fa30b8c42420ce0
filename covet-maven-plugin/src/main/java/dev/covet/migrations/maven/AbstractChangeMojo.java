package dev.covet.migrations.maven;

import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/** The goals that change the schema, {@code migrate} and {@code rollback}: a target, a dry run, and force. */
public abstract class AbstractChangeMojo extends AbstractCovetMojo {

    /**
     * A migration id ({@code --target}): {@code migrate} applies up to it, inclusive; {@code rollback} rolls back
     * everything applied after it, keeping it (not with {@code steps}).
     */
    @Parameter(property = "covet.target")
    private String target;

    /** Print the SQL (and for a rollback its risk) that would run; change nothing ({@code --dry-run}). */
    @Parameter(property = "covet.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * {@code migrate}: back up the rows a drop removes even above {@code covet.migrations.backup.max-rows};
     * {@code rollback}: go ahead despite a high risk, still with its backup ({@code --force}).
     */
    @Parameter(property = "covet.force", defaultValue = "false")
    private boolean force;

    /** Adds {@code --target}, {@code --dry-run} and {@code --force} as given. */
    protected void addChangeOptions(List<String> args) {
        Arguments.value(args, "target", target);
        Arguments.flag(args, "dry-run", dryRun);
        Arguments.flag(args, "force", force);
    }
}
