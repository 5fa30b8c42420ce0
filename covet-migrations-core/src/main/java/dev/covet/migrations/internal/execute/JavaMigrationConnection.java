package dev.covet.migrations.internal.execute;

import dev.covet.migrations.internal.jdbc.DelegatingConnection;

import dev.covet.migrations.MigrationException;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executor;

/**
 * The connection a transactional {@link dev.covet.migrations.JavaMigration} is given: the migration's own
 * connection, except that ending its transaction ({@code commit}, {@code rollback}, {@code setAutoCommit}) or
 * the connection ({@code close}, {@code abort}) fails at once with advice ({@code setAutoCommit(false)} does
 * nothing: it is off already). Covet begins and commits each
 * migration's transaction itself, with its history row, on every database; a commit from inside would split a
 * migration Covet reports as all-or-nothing (and on SQLite, which runs it in {@code BEGIN IMMEDIATE}, fails
 * with an obscure driver error). Savepoints stay allowed: they work inside the transaction. Statements and
 * metadata it hands out answer {@code getConnection()} with this guarded connection. The driver's own objects
 * stay reachable on purpose, and with them the unguarded connection: {@link #unwrap} and {@link #isWrapperFor},
 * {@code unwrap} on a statement, and {@code ResultSet.getStatement()}.
 */
final class JavaMigrationConnection extends DelegatingConnection {

    private final String migration;

    /**
     * @param delegate the migration's connection, inside its transaction
     * @param migration the Java migration's name, for messages
     */
    JavaMigrationConnection(Connection delegate, String migration) {
        super(delegate);
        this.migration = migration;
    }

    private MigrationException endsTransaction(String call) {
        return new MigrationException("Java migration '" + migration + "' called Connection." + call + ": Covet"
                + " commits each migration itself, in one transaction with its history row, so a migration cannot"
                + " commit or roll back on its own. Remove the call. To commit work in stages, split it into separate"
                + " migrations (each is committed when it completes); for a long data job, use"
                + " dev.covet.migrations.data.BatchUpdate from a Java migration whose transactional() returns false.");
    }

    private MigrationException endsConnection(String call) {
        return new MigrationException("Java migration '" + migration + "' called Connection." + call + ": the"
                + " connection belongs to Covet, which runs further migrations on it and closes it after the run."
                + " Remove the call (and do not open the given connection in try-with-resources).");
    }

    @Override
    public void commit() {
        throw endsTransaction("commit()");
    }

    @Override
    public void rollback() {
        throw endsTransaction("rollback()");
    }

    /**
     * {@code setAutoCommit(false)} does nothing: the connection is in a transaction already, and the common
     * {@code ac = getAutoCommit(); setAutoCommit(false); ...; setAutoCommit(ac)} keeps working. Switching it on
     * would commit, and fails.
     */
    @Override
    public void setAutoCommit(boolean autoCommit) {
        if (autoCommit) {
            throw endsTransaction("setAutoCommit(true)");
        }
    }

    /** Always {@code false}: the migration runs in Covet's transaction (SQLite's driver would say true there). */
    @Override
    public boolean getAutoCommit() {
        return false;
    }

    @Override
    public void close() {
        throw endsConnection("close()");
    }

    @Override
    public void abort(Executor executor) {
        throw endsConnection("abort()");
    }

    @Override
    public Statement createStatement() throws SQLException {
        return GuardedHandles.wrap(Statement.class, delegate.createStatement(), this);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return GuardedHandles.wrap(Statement.class, delegate.createStatement(resultSetType, resultSetConcurrency), this);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return GuardedHandles.wrap(Statement.class, delegate.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability), this);
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return GuardedHandles.wrap(PreparedStatement.class, delegate.prepareStatement(sql), this);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return GuardedHandles.wrap(PreparedStatement.class, delegate.prepareStatement(sql, resultSetType, resultSetConcurrency), this);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
                                              int resultSetHoldability) throws SQLException {
        return GuardedHandles.wrap(PreparedStatement.class, delegate.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability), this);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return GuardedHandles.wrap(PreparedStatement.class, delegate.prepareStatement(sql, autoGeneratedKeys), this);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return GuardedHandles.wrap(PreparedStatement.class, delegate.prepareStatement(sql, columnIndexes), this);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return GuardedHandles.wrap(PreparedStatement.class, delegate.prepareStatement(sql, columnNames), this);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return GuardedHandles.wrap(CallableStatement.class, delegate.prepareCall(sql), this);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return GuardedHandles.wrap(CallableStatement.class, delegate.prepareCall(sql, resultSetType, resultSetConcurrency), this);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
                                         int resultSetHoldability) throws SQLException {
        return GuardedHandles.wrap(CallableStatement.class, delegate.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability), this);
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return GuardedHandles.wrap(DatabaseMetaData.class, delegate.getMetaData(), this);
    }

    @Override
    public String toString() {
        return "connection of Java migration '" + migration + "' (" + delegate + ")";
    }
}
