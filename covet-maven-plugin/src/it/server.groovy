// Shared by the postgres and mariadb projects' selector, setup and verify scripts ('phase' says which).
// The server comes from COVET_TEST_POSTGRES_* / COVET_TEST_MYSQL_* (set by .ci/run); each run gets a fresh database,
// covet_maven_it, written into the project's application.properties before it is compiled.
import java.sql.Connection

def kind = basedir.name == 'postgres' ? 'POSTGRES' : 'MYSQL'
def url = System.getenv("COVET_TEST_${kind}_URL")
def user = System.getenv("COVET_TEST_${kind}_USER")
def password = System.getenv("COVET_TEST_${kind}_PASSWORD")

if (phase == 'select') {
    if (url) {
        return true
    }
    if (System.getenv('CI') == 'true') {
        throw new IllegalStateException("COVET_TEST_${kind}_URL is not set, and CI=true: the ${basedir.name} run of the Maven plugin cannot be skipped")
    }
    System.err.println "[covet-maven-plugin IT] ${basedir.name} skipped: set COVET_TEST_${kind}_URL (with _USER and _PASSWORD) to run it"
    return false
}

def database = 'covet_maven_it'
def databaseUrl = url.replaceFirst('/[^/?]*(\\?|$)', "/${database}\$1")
Connection connect(String jdbcUrl, String user, String password, String kind) {
    // The driver directly: DriverManager hands drivers only to callers whose class loader loaded them.
    def driver = kind == 'POSTGRES' ? new org.postgresql.Driver() : new com.mysql.cj.jdbc.Driver()
    def info = new Properties()
    info.setProperty('user', user ?: '')
    info.setProperty('password', password ?: '')
    return driver.connect(jdbcUrl, info)
}

if (phase == 'setup') {
    new File(basedir, 'src/main/resources').mkdirs()
    connect(url, user, password, kind).withCloseable { c ->
        c.createStatement().execute("DROP DATABASE IF EXISTS ${database}")
        c.createStatement().execute("CREATE DATABASE ${database}")
    }
    new File(basedir, 'src/main/resources/application.properties').text = """\
spring.datasource.url=${databaseUrl}
spring.datasource.username=\${COVET_TEST_${kind}_USER}
spring.datasource.password=\${COVET_TEST_${kind}_PASSWORD}
"""
    return true
}

// verify
def log = new File(basedir, 'build.log').text
def migration = new File(basedir, 'src/main/resources/db/migrations/0001_initial.yaml')
assert migration.isFile() : 'makemigrations wrote no 0001_initial.yaml'
connect(databaseUrl, user, password, kind).withCloseable { c ->
    def tables = []
    def rs = c.metaData.getTables(kind == 'POSTGRES' ? null : database, kind == 'POSTGRES' ? 'public' : null, '%', ['TABLE'] as String[])
    while (rs.next()) { tables << rs.getString('TABLE_NAME').toLowerCase() }
    def expected = basedir.name == 'postgres' ? 'customer' : 'product'
    assert tables.containsAll([expected, 'covet_migrations']) : "tables in ${database}: ${tables}"
    def applied = c.createStatement().executeQuery("SELECT count(*) FROM covet_migrations")
    applied.next()
    assert applied.getInt(1) == 1 : 'the migration should be applied once (migrated, rolled back, migrated again)'
}
['Wrote ', 'Applied 0001_initial', 'Rolled back: 0001_initial', 'Migrations are valid', '[APPLIED] 0001_initial'].each {
    assert log.contains(it) : "build.log lacks '${it}'"
}
return true
