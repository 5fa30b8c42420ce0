package com.example.library;

import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.relational.core.dialect.AbstractDialect;
import org.springframework.data.relational.core.dialect.LimitClause;
import org.springframework.data.relational.core.dialect.LockClause;
import org.springframework.data.relational.core.sql.IdentifierProcessing;
import org.springframework.data.relational.core.sql.IdentifierProcessing.LetterCasing;
import org.springframework.data.relational.core.sql.IdentifierProcessing.Quoting;
import org.springframework.data.relational.core.sql.LockOptions;

/**
 * Spring Data JDBC has no dialect for SQLite and cannot pick one from the connection, so an application on SQLite
 * declares a {@link JdbcDialect} bean (Boot's own is {@code @ConditionalOnMissingBean}). SQLite pages with
 * {@code LIMIT ... OFFSET ...}, locks the whole database rather than rows (no {@code FOR UPDATE}), and quotes
 * with double quotes, matching names case-insensitively.
 */
final class SqliteJdbcDialect extends AbstractDialect implements JdbcDialect {

    static final SqliteJdbcDialect INSTANCE = new SqliteJdbcDialect();

    private static final IdentifierProcessing IDENTIFIERS = IdentifierProcessing.create(Quoting.ANSI, LetterCasing.AS_IS);

    private static final LimitClause LIMIT = new LimitClause() {
        @Override
        public String getLimit(long limit) {
            return "LIMIT " + limit;
        }

        @Override
        public String getOffset(long offset) {
            return "LIMIT -1 OFFSET " + offset;
        }

        @Override
        public String getLimitOffset(long limit, long offset) {
            return "LIMIT " + limit + " OFFSET " + offset;
        }

        @Override
        public Position getClausePosition() {
            return Position.AFTER_ORDER_BY;
        }
    };

    private static final LockClause NO_ROW_LOCKS = new LockClause() {
        @Override
        public String getLock(LockOptions options) {
            return "";
        }

        @Override
        public Position getClausePosition() {
            return Position.AFTER_ORDER_BY;
        }
    };

    private SqliteJdbcDialect() {
    }

    @Override
    public String getName() {
        return "SQLite";
    }

    @Override
    public IdentifierProcessing getIdentifierProcessing() {
        return IDENTIFIERS;
    }

    @Override
    public LimitClause limit() {
        return LIMIT;
    }

    @Override
    public LockClause lock() {
        return NO_ROW_LOCKS;
    }
}
