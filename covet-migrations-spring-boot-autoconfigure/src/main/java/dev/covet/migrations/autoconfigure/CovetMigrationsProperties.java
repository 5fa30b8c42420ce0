package dev.covet.migrations.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration of Covet Migrations, bound from {@code covet.migrations.*}.
 */
@ConfigurationProperties("covet.migrations")
public class CovetMigrationsProperties {

    /**
     * Whether to enable Covet Migrations.
     */
    private boolean enabled = true;

    /**
     * Locations of migration files ("classpath:" or "filesystem:" prefixed).
     */
    private List<String> locations = new ArrayList<>(List.of("classpath:db/migrations"));

    /**
     * Database dialect: "auto" (detected from the JDBC URL), "postgresql", "mysql" or "sqlite".
     */
    private String dialect = "auto";

    /**
     * Whether to apply pending migrations when the application starts.
     */
    private boolean runOnStartup = true;

    /**
     * Migration to stop at on startup ("name" or "app:name"); all pending migrations when not set.
     */
    private String target;

    /**
     * Whether startup migration only logs the SQL it would run, changing nothing.
     */
    private boolean dryRun;

    /**
     * Whether a migration file modified after it was applied stops the run.
     */
    private boolean validateChecksums = true;

    /**
     * Prefix of the tables Covet keeps in the database.
     */
    private String tablePrefix = "covet_";

    /**
     * How long to wait for the migration lock held by another instance.
     */
    private Duration lockTimeout = Duration.ofSeconds(60);

    /**
     * Execution time above which a migration is logged as slow (WARN). Not checked when not set.
     */
    private Duration slowMigrationThreshold;

    /**
     * Where "makemigrations" and "squash" write new migration files.
     */
    private String outputDirectory = "src/main/resources/db/migrations";

    /**
     * JDBC URL of a separate database connection for migrations; the application's DataSource when not set.
     */
    private String url;

    /**
     * Login user for migrations (with "url", or instead of the main DataSource's user).
     */
    private String user;

    /**
     * Login password for migrations.
     */
    private String password;

    /**
     * Expand/contract phase startup migration applies: empty for everything pending, "expand" to hold back
     * migrations marked "phase: contract" (and those after them) until a later deploy asks for "contract".
     */
    private String phase;

    /**
     * Tables other tools own (Spring Batch, Quartz, ShedLock, Spring Session): table names or patterns with "*" as
     * the only wildcard, compared without regard to case, e.g. "batch_*,qrtz_*,shedlock". "makemigrations" neither
     * creates, changes, renames nor drops them, "baseline" leaves them out of the first migration, and the drift
     * check ignores them. Migrations written by hand may still create or change them.
     */
    private List<String> unmanagedTables = new ArrayList<>();

    private final Lint lint = new Lint();

    private final Dashboard dashboard = new Dashboard();

    private final Audit audit = new Audit();

    private final RenameDetection renameDetection = new RenameDetection();

    private final Rollback rollback = new Rollback();

    private final Backup backup = new Backup();

    private final Batch batch = new Batch();

    private final Sqlite sqlite = new Sqlite();

    private final Squash squash = new Squash();

    private final Actuator actuator = new Actuator();

    private final Tenants tenants = new Tenants();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getLocations() {
        return locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    public String getDialect() {
        return dialect;
    }

    public void setDialect(String dialect) {
        this.dialect = dialect;
    }

    public boolean isRunOnStartup() {
        return runOnStartup;
    }

    public void setRunOnStartup(boolean runOnStartup) {
        this.runOnStartup = runOnStartup;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isValidateChecksums() {
        return validateChecksums;
    }

    public void setValidateChecksums(boolean validateChecksums) {
        this.validateChecksums = validateChecksums;
    }

    public String getTablePrefix() {
        return tablePrefix;
    }

    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public Duration getSlowMigrationThreshold() {
        return slowMigrationThreshold;
    }

    public void setSlowMigrationThreshold(Duration slowMigrationThreshold) {
        this.slowMigrationThreshold = slowMigrationThreshold;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public List<String> getUnmanagedTables() {
        return unmanagedTables;
    }

    public void setUnmanagedTables(List<String> unmanagedTables) {
        this.unmanagedTables = unmanagedTables;
    }

    public Lint getLint() {
        return lint;
    }

    public Dashboard getDashboard() {
        return dashboard;
    }

    public Audit getAudit() {
        return audit;
    }

    public RenameDetection getRenameDetection() {
        return renameDetection;
    }

    public Rollback getRollback() {
        return rollback;
    }

    public Backup getBackup() {
        return backup;
    }

    public Batch getBatch() {
        return batch;
    }

    public Sqlite getSqlite() {
        return sqlite;
    }

    public Squash getSquash() {
        return squash;
    }

    public Tenants getTenants() {
        return tenants;
    }

    public Actuator getActuator() {
        return actuator;
    }

    /**
     * Audit trail of every migration execution and rollback.
     */
    public static class Audit {

        /**
         * Whether to record executions in the audit table.
         */
        private boolean enabled = true;

        /**
         * Environment name recorded with each execution (for example "staging").
         */
        private String environment;

        /**
         * Who executed, recorded with each execution; the OS user when not set.
         */
        private String executor;

        /**
         * Free metadata recorded with each execution, for example a ticket number or an approver.
         */
        private Map<String, String> metadata = new LinkedHashMap<>();

        public Map<String, String> getMetadata() {
            return metadata;
        }

        public void setMetadata(Map<String, String> metadata) {
            this.metadata = metadata;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getEnvironment() {
            return environment;
        }

        public void setEnvironment(String environment) {
            this.environment = environment;
        }

        public String getExecutor() {
            return executor;
        }

        public void setExecutor(String executor) {
            this.executor = executor;
        }
    }

    /**
     * Detection of renamed columns when generating migrations from entities.
     */
    public static class RenameDetection {

        /**
         * Name similarity (0 to 1) from which a dropped and an added column count as a rename.
         */
        private double similarityThreshold = 0.80;

        /**
         * Whether a rename requires the old and new column types to match.
         */
        private boolean requireTypeMatch;

        /**
         * Largest difference in name length still considered a rename.
         */
        private int maxLengthDiff = 10;

        public double getSimilarityThreshold() {
            return similarityThreshold;
        }

        public void setSimilarityThreshold(double similarityThreshold) {
            this.similarityThreshold = similarityThreshold;
        }

        public boolean isRequireTypeMatch() {
            return requireTypeMatch;
        }

        public void setRequireTypeMatch(boolean requireTypeMatch) {
            this.requireTypeMatch = requireTypeMatch;
        }

        public int getMaxLengthDiff() {
            return maxLengthDiff;
        }

        public void setMaxLengthDiff(int maxLengthDiff) {
            this.maxLengthDiff = maxLengthDiff;
        }
    }

    /**
     * Safety of rollbacks.
     */
    public static class Rollback {

        /**
         * Whether every rollback takes a backup first (else only when rows are at risk).
         */
        private boolean requireBackup;

        /**
         * Rows at risk above which a rollback counts as HIGH risk.
         */
        private long maxDataLossRows = 1000;

        public boolean isRequireBackup() {
            return requireBackup;
        }

        public void setRequireBackup(boolean requireBackup) {
            this.requireBackup = requireBackup;
        }

        public long getMaxDataLossRows() {
            return maxDataLossRows;
        }

        public void setMaxDataLossRows(long maxDataLossRows) {
            this.maxDataLossRows = maxDataLossRows;
        }
    }

    /**
     * Backups a migration takes before it drops a table or a column with rows.
     */
    public static class Backup {

        /**
         * The most rows a DROP_TABLE (the table's rows) or DROP_COLUMN (the column's non-null values) backs up before it
         * drops them. Above it the run stops before changing anything, naming the table and the count: add "backup: false"
         * to the operation, raise this, or run "covet migrate --force".
         */
        private long maxRows = 1_000_000;

        public long getMaxRows() {
            return maxRows;
        }

        public void setMaxRows(long maxRows) {
            this.maxRows = maxRows;
        }
    }

    /**
     * Batch jobs (BatchUpdate) in Java migrations.
     */
    public static class Batch {

        /**
         * How far behind the primary its replicas (PostgreSQL streaming standbys, or the MySQL/MariaDB replicas named
         * in "replicas") may fall before a batch job waits between batches, logging the lag; 0 does not watch them. A
         * job's own maxReplicaLag wins.
         */
        private Duration maxReplicaLag = Duration.ofSeconds(5);

        /**
         * MySQL/MariaDB: JDBC URLs of the replicas a batch job asks for their lag (Seconds_Behind_Master) between
         * batches, since the primary cannot see it. A replica whose replication is stopped, or that cannot be reached,
         * counts as behind. Not needed on PostgreSQL, whose primary sees its standbys. A job's own replicas win.
         */
        private List<String> replicas = new ArrayList<>();

        /**
         * Login user for the replicas (default: the migration DataSource's user). It needs to read the replication
         * status: REPLICA MONITOR on MariaDB, REPLICATION CLIENT on MySQL.
         */
        private String replicaUser;

        /**
         * Login password for the replicas (default: the migration DataSource's password when replica-user is not set).
         */
        private String replicaPassword;

        public Duration getMaxReplicaLag() {
            return maxReplicaLag;
        }

        public void setMaxReplicaLag(Duration maxReplicaLag) {
            this.maxReplicaLag = maxReplicaLag;
        }

        public List<String> getReplicas() {
            return replicas;
        }

        public void setReplicas(List<String> replicas) {
            this.replicas = replicas;
        }

        public String getReplicaUser() {
            return replicaUser;
        }

        public void setReplicaUser(String replicaUser) {
            this.replicaUser = replicaUser;
        }

        public String getReplicaPassword() {
            return replicaPassword;
        }

        public void setReplicaPassword(String replicaPassword) {
            this.replicaPassword = replicaPassword;
        }
    }

    /**
     * SQLite specifics.
     */
    public static class Sqlite {

        /**
         * Whether to rebuild tables for column changes even where SQLite supports the ALTER natively.
         */
        private boolean forceTableRebuild;

        public boolean isForceTableRebuild() {
            return forceTableRebuild;
        }

        public void setForceTableRebuild(boolean forceTableRebuild) {
            this.forceTableRebuild = forceTableRebuild;
        }
    }

    /**
     * Squashing of migrations.
     */
    public static class Squash {

        /**
         * How many of the newest migrations a squash leaves as they are.
         */
        private int preserveRecent = 5;

        public int getPreserveRecent() {
            return preserveRecent;
        }

        public void setPreserveRecent(int preserveRecent) {
            this.preserveRecent = preserveRecent;
        }
    }

    /**
     * The "migrations" Actuator endpoint.
     */
    public static class Actuator {

        /**
         * Whether the endpoint's write operations (POST rollback) are allowed. Still subject to the
         * application's security.
         */
        private boolean writeEnabled;

        public boolean isWriteEnabled() {
            return writeEnabled;
        }

        public void setWriteEnabled(boolean writeEnabled) {
            this.writeEnabled = writeEnabled;
        }
    }

    /**
     * The lint of migrations for operations that lock or rewrite big tables or break running code.
     */
    public static class Lint {

        /**
         * Whether pending migrations are linted at startup (findings are logged as warnings) and after
         * makemigrations.
         */
        private boolean enabled = true;

        /**
         * Findings the team accepted, each "<migration>:<operation index or *>:<rule>=<reason>".
         */
        private List<String> suppressions = new ArrayList<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public List<String> getSuppressions() {
            return suppressions;
        }

        public void setSuppressions(List<String> suppressions) {
            this.suppressions = suppressions;
        }
    }

    /**
     * The dashboard page: velocity, success rate, lock holder, drift, pending migrations and their SQL, failed
     * migrations, the dependency graph, recent and failed executions, drawn from the "migrations" Actuator endpoint
     * (which keeps its own security) and served next to it (on the management port when it has its own).
     */
    public static class Dashboard {

        /**
         * Whether the application serves the dashboard page (servlet web applications with Actuator).
         */
        private boolean enabled;

        /**
         * Path of the dashboard page (below management.server.base-path on a separate management port).
         */
        private String path = "/covet/dashboard";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }
    }

    /**
     * A fleet of tenants: the same migrations applied to every PostgreSQL schema or MySQL database matching a pattern
     * on the migration DataSource's server, or to a list of JDBC URLs ("covet migrate --tenants", "covet status
     * --tenants", "/actuator/migrations/tenants"). A TenantSource bean of the application's replaces these.
     */
    public static class Tenants {

        /**
         * Whether the tenants below are configured. A TenantSource bean enables the fleet without this.
         */
        private boolean enabled = false;

        /**
         * How many tenants are migrated at once. Each holds up to two connections while it runs.
         */
        private int parallelism = 4;

        /**
         * PostgreSQL: every schema whose name matches, on the migration DataSource's database ("*" any run of
         * characters, "?" one character; e.g. "tenant_*").
         */
        private String schemaPattern;

        /**
         * MySQL or MariaDB: every database whose name matches, on the migration DataSource's server ("*" and "?" as
         * for schema-pattern).
         */
        private String databasePattern;

        /**
         * One tenant per JDBC URL, named after its database (or SQLite file).
         */
        private List<String> urls = new ArrayList<>();

        /**
         * Whether every tenant is migrated when the application starts, after its own database (never for a "covet"
         * command). A failed tenant is logged and does not stop the start.
         */
        private boolean migrateOnStartup = false;

        /**
         * Login user for the URLs (default: none, or what each URL says).
         */
        private String user;

        /**
         * Login password for the URLs.
         */
        private String password;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getParallelism() {
            return parallelism;
        }

        public void setParallelism(int parallelism) {
            this.parallelism = parallelism;
        }

        public String getSchemaPattern() {
            return schemaPattern;
        }

        public void setSchemaPattern(String schemaPattern) {
            this.schemaPattern = schemaPattern;
        }

        public String getDatabasePattern() {
            return databasePattern;
        }

        public void setDatabasePattern(String databasePattern) {
            this.databasePattern = databasePattern;
        }

        public List<String> getUrls() {
            return urls;
        }

        public void setUrls(List<String> urls) {
            this.urls = urls;
        }

        public boolean isMigrateOnStartup() {
            return migrateOnStartup;
        }

        public void setMigrateOnStartup(boolean migrateOnStartup) {
            this.migrateOnStartup = migrateOnStartup;
        }

        public String getUser() {
            return user;
        }

        public void setUser(String user) {
            this.user = user;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }
}
