package dev.covet.migrations.internal.execute;

import dev.covet.migrations.MigrationException;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
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
final class JavaMigrationConnection implements Connection {

    private final Connection delegate;
    private final String migration;

    /**
     * @param delegate the migration's connection, inside its transaction
     * @param migration the Java migration's name, for messages
     */
    JavaMigrationConnection(Connection delegate, String migration) {
        this.delegate = delegate;
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
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(delegate) ? iface.cast(delegate) : delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(delegate) || delegate.isWrapperFor(iface);
    }

    // Everything else is the migration's connection as it is.

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        delegate.rollback(savepoint);
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return delegate.setSavepoint();
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return delegate.setSavepoint(name);
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        delegate.releaseSavepoint(savepoint);
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
    public String nativeSQL(String sql) throws SQLException {
        return delegate.nativeSQL(sql);
    }

    @Override
    public boolean isClosed() throws SQLException {
        return delegate.isClosed();
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return GuardedHandles.wrap(DatabaseMetaData.class, delegate.getMetaData(), this);
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        delegate.setReadOnly(readOnly);
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return delegate.isReadOnly();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        delegate.setCatalog(catalog);
    }

    @Override
    public String getCatalog() throws SQLException {
        return delegate.getCatalog();
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        delegate.setTransactionIsolation(level);
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return delegate.getTransactionIsolation();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return delegate.getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        delegate.clearWarnings();
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return delegate.getTypeMap();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        delegate.setTypeMap(map);
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        delegate.setHoldability(holdability);
    }

    @Override
    public int getHoldability() throws SQLException {
        return delegate.getHoldability();
    }

    @Override
    public Clob createClob() throws SQLException {
        return delegate.createClob();
    }

    @Override
    public Blob createBlob() throws SQLException {
        return delegate.createBlob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return delegate.createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return delegate.createSQLXML();
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        return delegate.isValid(timeout);
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        delegate.setClientInfo(name, value);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        delegate.setClientInfo(properties);
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        return delegate.getClientInfo(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return delegate.getClientInfo();
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return delegate.createArrayOf(typeName, elements);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return delegate.createStruct(typeName, attributes);
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        delegate.setSchema(schema);
    }

    @Override
    public String getSchema() throws SQLException {
        return delegate.getSchema();
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        delegate.setNetworkTimeout(executor, milliseconds);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return delegate.getNetworkTimeout();
    }

    @Override
    public void beginRequest() throws SQLException {
        delegate.beginRequest();
    }

    @Override
    public void endRequest() throws SQLException {
        delegate.endRequest();
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey, int timeout)
            throws SQLException {
        return delegate.setShardingKeyIfValid(shardingKey, superShardingKey, timeout);
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
        return delegate.setShardingKeyIfValid(shardingKey, timeout);
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
        delegate.setShardingKey(shardingKey, superShardingKey);
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey) throws SQLException {
        delegate.setShardingKey(shardingKey);
    }

    @Override
    public String toString() {
        return "connection of Java migration '" + migration + "' (" + delegate + ")";
    }
}
