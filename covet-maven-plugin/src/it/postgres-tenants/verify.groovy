// Each tenant schema's history, counted by the database: 3 rows each; the schema the pattern does not match and the
// application's own schema untouched. The log shows the dry run, the stop at the target and the refused target.
def url = System.getenv('COVET_TEST_POSTGRES_URL').replaceFirst('/[^/?]*(\\?|$)', '/covet_maven_tenants_it$1')
def info = new Properties()
info.setProperty('user', System.getenv('COVET_TEST_POSTGRES_USER') ?: '')
info.setProperty('password', System.getenv('COVET_TEST_POSTGRES_PASSWORD') ?: '')
new org.postgresql.Driver().connect(url, info).withCloseable { c ->
    ['tenant_a', 'tenant_b', 'tenant_c'].each { schema ->
        def rs = c.createStatement().executeQuery("SELECT count(*) FROM ${schema}.covet_migrations WHERE state = 'APPLIED'")
        rs.next()
        assert rs.getInt(1) == 3 : "${schema} should have its 3 migrations applied, has ${rs.getInt(1)}"
        def invoice = c.createStatement().executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = '${schema}' AND table_name = 'invoice'")
        invoice.next()
        assert invoice.getInt(1) == 1 : "${schema} has no invoice table"
    }
    ['other', 'public'].each { schema ->
        def rs = c.createStatement().executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = '${schema}'")
        rs.next()
        assert rs.getInt(1) == 0 : "schema ${schema} is no tenant, yet has ${rs.getInt(1)} table(s)"
    }
}
def log = new File(basedir, 'build.log').text
[
    'Dry run, nothing changed. Tenants: 3 (3 would be migrated, 0 up to date, 0 failed)',  // 1
    '3 tenants at (none): 0001_create_account, 0002_add_account_email, 0003_create_invoice',
    'CREATE TABLE "invoice"',
    'Tenants: 3 (3 migrated, 0 up to date, 0 failed)',                                      // 2
    'tenant_a: applied 0001_create_account, 0002_add_account_email',
    "target migration '0009_nope' is not among the 3 migration files",                       // 3
    'tenant_c: applied 0003_create_invoice',                                                 // 4
    'Tenants: 3 (3 up to date, 0 behind, 0 failed)',
].each {
    assert log.contains(it) : "build.log lacks '${it}'"
}
// The dry run's SQL is printed once for the three tenants, not once each.
assert log.count('CREATE TABLE "invoice"') == 1 : 'the dry run should print each group\'s SQL once'
return true
