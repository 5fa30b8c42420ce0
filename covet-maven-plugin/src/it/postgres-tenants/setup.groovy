// A fresh database, covet_maven_tenants_it, with three tenant schemas the pattern finds and one it does not.
def url = System.getenv('COVET_TEST_POSTGRES_URL')
def database = 'covet_maven_tenants_it'
def info = new Properties()
info.setProperty('user', System.getenv('COVET_TEST_POSTGRES_USER') ?: '')
info.setProperty('password', System.getenv('COVET_TEST_POSTGRES_PASSWORD') ?: '')
// The driver directly: DriverManager hands drivers only to callers whose class loader loaded them.
new org.postgresql.Driver().connect(url, info).withCloseable { c ->
    c.createStatement().execute("DROP DATABASE IF EXISTS ${database}")
    c.createStatement().execute("CREATE DATABASE ${database}")
}
new org.postgresql.Driver().connect(url.replaceFirst('/[^/?]*(\\?|$)', "/${database}\$1"), info).withCloseable { c ->
    ['tenant_a', 'tenant_b', 'tenant_c', 'other'].each { c.createStatement().execute("CREATE SCHEMA ${it}") }
}
new File(basedir, 'src/main/resources/application.properties').text = """\
spring.datasource.url=${url.replaceFirst('/[^/?]*(\\?|$)', "/${database}\$1")}
spring.datasource.username=\${COVET_TEST_POSTGRES_USER}
spring.datasource.password=\${COVET_TEST_POSTGRES_PASSWORD}
covet.migrations.tenants.enabled=true
covet.migrations.tenants.schema-pattern=tenant_*
"""
return true
