// Runs only with a PostgreSQL server (COVET_TEST_POSTGRES_*, set by .ci/run); with CI=true a missing one fails the run.
if (System.getenv('COVET_TEST_POSTGRES_URL')) {
    return true
}
if (System.getenv('CI') == 'true') {
    throw new IllegalStateException('COVET_TEST_POSTGRES_URL is not set, and CI=true: the postgres-tenants run of the Maven plugin cannot be skipped')
}
System.err.println '[covet-maven-plugin IT] postgres-tenants skipped: set COVET_TEST_POSTGRES_URL (with _USER and _PASSWORD) to run it'
return false
