package dev.covet.migrations.squash;

import dev.covet.migrations.internal.squash.ScratchDatabaseUnavailableException;
import dev.covet.migrations.MigrationConfig;
import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.generate.MigrationGenerator;
import dev.covet.migrations.internal.graph.MigrationGraph;
import dev.covet.migrations.squash.SquashVerifier.OriginalsDoNotApplyException;
import dev.covet.migrations.squash.SquashVerifier.ScratchVerification;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code squash} as one call from Java: squashes all but the newest migrations of the runner's locations
 * ({@link MigrationSquasher}, which already checks the result on Covet's schema model), verifies the squash on
 * scratch databases of the application's kind ({@link SquashVerifier#verifyOnScratch}), and writes it only when
 * both pass. When no scratch database can be created, the outcome says so and the schema-model check stands alone.
 */
public final class SquashAndWrite {

    private final MigrationRunner runner;

    /**
     * @param runner the runner whose migrations are squashed (its data source is where scratch databases are made)
     */
    public SquashAndWrite(MigrationRunner runner) {
        this.runner = runner;
    }

    /**
     * Squashes, verifies and writes the squash into a directory.
     *
     * @param name the squash's name, or {@code null} for {@code squashed_<first>_<last>}
     * @param preserveRecent newest migrations left alone
     * @param outputDirectory where the file is written
     */
    public SquashOutcome write(String name, int preserveRecent, Path outputDirectory) {
        return squash(name, preserveRecent, outputDirectory);
    }

    /** Squashes and verifies, writing nothing: the outcome carries the file's text. */
    public SquashOutcome preview(String name, int preserveRecent) {
        return squash(name, preserveRecent, null);
    }

    private SquashOutcome squash(String name, int preserveRecent, Path outputDirectory) {
        List<Migration> migrations = runner.migrations();
        SquashResult result = new MigrationSquasher().squashMigrations(migrations, name, preserveRecent);
        if (!result.isValid()) {
            return new SquashOutcome(result, null, null, null);
        }
        SquashCheck check = verify(originals(migrations, result.replaced()), result.squashedMigration());
        MigrationGenerator generator = new MigrationGenerator();
        Path file = check.passed() && outputDirectory != null
                ? generator.saveMigration(result.squashedMigration(), outputDirectory) : null;
        return new SquashOutcome(result, check, file, generator.render(result.squashedMigration()));
    }

    /** The replaced migrations in the order they apply. */
    private static List<Migration> originals(List<Migration> migrations, List<MigrationId> replaced) {
        Set<MigrationId> ids = Set.copyOf(replaced);
        return MigrationGraph.of(migrations).order().stream().filter(m -> ids.contains(m.id())).toList();
    }

    private SquashCheck verify(List<Migration> originals, Migration squashed) {
        MigrationConfig config = runner.config();
        SquashVerifier verifier = new SquashVerifier(runner.dialect(), config.javaMigrations(), config.tablePrefix());
        String model = "the squashed operations project the schema the originals project on Covet's schema model";
        try {
            ScratchVerification scratch = verifier.verifyOnScratch(config.dataSource(), originals, squashed);
            SquashVerification v = scratch.verification();
            String how = " (the originals applied to " + scratch.where() + ", the squash to another made the same way,"
                    + " both read back and dropped)";
            return new SquashCheck(SquashCheck.Method.SCRATCH_DATABASE, (v.isValid()
                    ? "verified on a scratch database: the squash creates the schema the originals create"
                    : "verification on a scratch database FAILED: the squash creates another schema than the originals") + how,
                    v.isValid(), v.differences());
        } catch (ScratchDatabaseUnavailableException e) {
            return new SquashCheck(SquashCheck.Method.SCHEMA_MODEL, "not verified on a database: " + e.getMessage()
                    + "; checked only that " + model, true, List.of());
        } catch (OriginalsDoNotApplyException e) {
            return new SquashCheck(SquashCheck.Method.SCHEMA_MODEL, "not verified on a database: the original migrations"
                    + " fail on an empty scratch database (" + e.getMessage() + "); checked only that " + model, true,
                    List.of());
        }
    }

    /**
     * What a squash did.
     *
     * @param result the squash itself (its conflicts when it cannot replace the originals)
     * @param check how it was verified, or null when the squash was refused before verification
     * @param file the file written, or null (a preview, a refused or a failed squash)
     * @param yaml the squash's text, or null when refused
     */
    public record SquashOutcome(SquashResult result, SquashCheck check, Path file, String yaml) {

        /** Whether the squash can replace the originals: no conflicts, and its verification passed. */
        public boolean isValid() {
            return result.isValid() && check != null && check.passed();
        }

        /** Why the squash cannot replace the originals: its conflicts, then what verification found. */
        public List<String> conflicts() {
            List<String> all = new ArrayList<>(result.conflicts());
            if (check != null && !check.passed()) {
                check.differences().forEach(d -> all.add("on the scratch database: " + d));
            }
            return List.copyOf(all);
        }
    }
}
