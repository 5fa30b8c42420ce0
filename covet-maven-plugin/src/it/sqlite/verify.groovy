
def log = new File(basedir, 'build.log').text
def migrations = new File(basedir, 'src/main/resources/db/migrations')
def written = migrations.listFiles()?.collect { it.name }?.sort() ?: []
assert written == ['0001_initial.yaml'] : "makemigrations should have written exactly 0001_initial.yaml, found ${written}"
def migration = new File(migrations, '0001_initial.yaml').text
assert migration.contains('author') && migration.contains('book') : migration
assert !migration.contains('stray') : "an entity outside the application's package was generated:\n${migration}"

def db = new File(basedir, 'target/db/shop.db')
assert db.isFile() : "the profile's SQLite file target/db/shop.db was not created"
assert !new File(basedir, 'target/wrong-profile.db').exists() : 'the default profile was used instead of spring.profiles.active'
def tables = []
// The driver directly: DriverManager hands drivers only to callers whose class loader loaded them.
new org.sqlite.JDBC().connect("jdbc:sqlite:${db}", new Properties()).withCloseable { c ->
    def rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    while (rs.next()) { tables << rs.getString(1) }
    def applied = c.createStatement().executeQuery("SELECT count(*) FROM covet_migrations")
    applied.next()
    assert applied.getInt(1) == 1 : 'the migration should be applied once (migrated, rolled back, migrated again)'
    // ${user.name} in application.yml resolved as in the application
    def environments = c.createStatement().executeQuery("SELECT DISTINCT environment FROM covet_migration_audit")
    assert environments.next() && environments.getString(1) == "it-${System.getProperty('user.name')}"
    // the plugin's <properties> win over the files
    def executors = c.createStatement().executeQuery("SELECT DISTINCT executor FROM covet_migration_audit")
    assert executors.next() && executors.getString(1) == 'maven-it' && !executors.next()
}
assert tables.containsAll(['author', 'book', 'covet_migrations']) : "tables: ${tables}"
assert !tables.contains('stray') : "tables: ${tables}"

[
    'The entities and the migrations differ',  // the failing gate (1)
    'covet makemigrations failed (exit 1): The entities and the migrations differ',
    '0001_initial',              // written (2), applied, status, sqlmigrate (4)
    'CREATE TABLE',              // sqlmigrate (4)
    'Rolled back: 0001_initial', // rollback (5)
    '[PENDING] 0001_initial',    // status after the rollback (5)
    '"applied"',                 // migrate --json (6)
    '--default author.email=',   // the undecided NOT NULL column (7)
    '-Dcovet.defaults=',
].each { expected ->
    assert log.contains(expected) : "build.log lacks '${expected}'"
}
return true
