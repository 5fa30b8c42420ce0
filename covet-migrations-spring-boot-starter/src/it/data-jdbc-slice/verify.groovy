// The build passed (its tests passed or were skipped). Tell the outer build which databases were skipped and why,
// and make sure SQLite, which needs no server, really ran.
def log = new File(basedir, 'build.log').text
// Invoker sends a script's own output to build.log: write to the process's standard error, which the console shows.
def console = new PrintStream(new FileOutputStream(FileDescriptor.err), true)
log.readLines().findAll { it.startsWith('[data-jdbc-slice] ') }.each { console.println it }
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0.* in com\.example\.library\.DataJdbcSliceOnSqliteTests/ :
        'DataJdbcSliceOnSqliteTests did not run'
return true
