package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.ExecutedMigration;
import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.MigrateResult;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationPhase;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.LintSuppressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;

/**
 * Applies migrations when the application context starts. Beans that use the database (JPA's
 * EntityManagerFactory, JdbcTemplate) are initialized after this bean, through
 * {@link CovetMigrationsDatabaseInitializerDetector}.
 */
public class CovetMigrationsInitializer implements InitializingBean, Ordered {

    private static final Logger log = LoggerFactory.getLogger(CovetMigrationsInitializer.class);

    private final MigrationRunner runner;
    private final CovetMigrationStrategy strategy;
    private final StartupSettings settings;
    private int order;

    /**
     * Creates an initializer.
     *
     * @param runner the runner
     * @param strategy the user's strategy, or {@code null} for the default
     * @param settings what to do on startup
     */
    public CovetMigrationsInitializer(MigrationRunner runner, CovetMigrationStrategy strategy, StartupSettings settings) {
        this.runner = runner;
        this.strategy = strategy;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        if (settings.skip()) {
            log.info("Covet Migrations: startup migration skipped ({})", settings.skipReason());
            return;
        }
        if (strategy != null) {
            strategy.migrate(runner);
            return;
        }
        MigrationId target = settings.target() == null || settings.target().isBlank() ? null
                : MigrationId.parse(settings.target(), MigrationId.DEFAULT_APP);
        // Lint warnings come from the run itself, for exactly what it is about to apply.
        MigrateResult result = runner.migrate(new MigrateOptions(target, settings.dryRun(), settings.phase(), settings.lint()));
        report(result);
    }

    private static void report(MigrateResult result) {
        if (result.dryRun()) {
            for (ExecutedMigration m : result.applied()) {
                log.info("Covet Migrations (dry run): {} would run:\n{}", m.id(), String.join(";\n", m.sql()));
            }
            return;
        }
        if (result.applied().isEmpty()) {
            log.info("Covet Migrations: schema is up to date");
        } else {
            log.info("Covet Migrations: applied {} migration(s): {}", result.applied().size(),
                    result.applied().stream().map(m -> m.id().toString()).toList());
        }
    }

    /** The runner this initializer migrates with. */
    public MigrationRunner getRunner() {
        return runner;
    }

    @Override
    public int getOrder() {
        return order;
    }

    /** Sets the order among other initializers. */
    public void setOrder(int order) {
        this.order = order;
    }

    /**
     * What startup migration does.
     *
     * @param skip whether to skip it
     * @param skipReason why, for the log
     * @param target migration to stop at, or {@code null}
     * @param dryRun only log the SQL
     * @param phase the expand/contract phase to apply ({@code NONE}: everything pending)
     * @param lint suppressions for the lint of pending migrations, or {@code null} to skip the lint
     */
    public record StartupSettings(boolean skip, String skipReason, String target, boolean dryRun, MigrationPhase phase,
                                  LintSuppressions lint) {

        /** Startup settings without a phase or lint. */
        public StartupSettings(boolean skip, String skipReason, String target, boolean dryRun) {
            this(skip, skipReason, target, dryRun, MigrationPhase.NONE, null);
        }

        /** Migrate everything pending. */
        public static StartupSettings migrateAll() {
            return new StartupSettings(false, null, null, false);
        }
    }
}
