package dev.covet.migrations.autoconfigure.hibernate;

import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.community.dialect.identity.SQLiteIdentityColumnSupport;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.identity.IdentityColumnSupport;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;

import java.sql.Types;

/**
 * The community {@link SQLiteDialect}, fixed so that schemas Covet (or anyone) creates on SQLite validate.
 * <ul>
 * <li>SQLite has one INTEGER storage class: a column declared {@code INTEGER} holds any Java integral type,
 * and {@code INTEGER PRIMARY KEY} is the only way to get an auto-increment rowid alias. The schema validator
 * compares JDBC type codes, so a {@code Long} id (BIGINT) against {@code INTEGER} failed; here all integral type
 * codes are equivalent.</li>
 * <li>Likewise NUMERIC, DECIMAL, FLOAT, REAL and DOUBLE: the driver reports a declared {@code DECIMAL(10,2)} as
 * FLOAT, where a {@code BigDecimal} field expects NUMERIC.</li>
 * <li>Likewise the character types (TEXT affinity: a {@code @Lob String} expects CLOB, the driver reports a
 * declared {@code TEXT} as VARCHAR) and the binary ones (BLOB affinity).</li>
 * <li>Hibernate 7.4's DDL writer skips the identity type when the statement built so far already contains the
 * word "integer" (a column named or typed so before it), leaving {@code id,} with no type, on which the
 * validator then fails. The identity column here is always written with its declared type.</li>
 * </ul>
 */
public class CovetSQLiteDialect extends SQLiteDialect {

    /** Creates the dialect for the default SQLite version. */
    public CovetSQLiteDialect() {
        super();
    }

    /**
     * Creates the dialect for a SQLite version.
     *
     * @param version the version
     */
    public CovetSQLiteDialect(DatabaseVersion version) {
        super(version);
    }

    /**
     * Creates the dialect from what the driver reports.
     *
     * @param info the resolution info
     */
    public CovetSQLiteDialect(DialectResolutionInfo info) {
        super(info);
    }

    @Override
    public boolean equivalentTypes(int typeCode1, int typeCode2) {
        return (isIntegral(typeCode1) && isIntegral(typeCode2)) || (isNumeric(typeCode1) && isNumeric(typeCode2))
                || (isCharacter(typeCode1) && isCharacter(typeCode2)) || (isBinary(typeCode1) && isBinary(typeCode2))
                || super.equivalentTypes(typeCode1, typeCode2);
    }

    /** Types with SQLite's NUMERIC or REAL affinity: the driver reports a declared DECIMAL(10,2) as FLOAT. */
    private static boolean isNumeric(int typeCode) {
        return typeCode == Types.NUMERIC || typeCode == Types.DECIMAL || typeCode == Types.FLOAT
                || typeCode == Types.REAL || typeCode == Types.DOUBLE;
    }

    /** Types with SQLite's TEXT affinity. */
    private static boolean isCharacter(int typeCode) {
        return typeCode == Types.CHAR || typeCode == Types.VARCHAR || typeCode == Types.LONGVARCHAR || typeCode == Types.CLOB
                || typeCode == Types.NCHAR || typeCode == Types.NVARCHAR || typeCode == Types.LONGNVARCHAR
                || typeCode == Types.NCLOB;
    }

    /** Types with SQLite's BLOB affinity. */
    private static boolean isBinary(int typeCode) {
        return typeCode == Types.BINARY || typeCode == Types.VARBINARY || typeCode == Types.LONGVARBINARY
                || typeCode == Types.BLOB;
    }

    private static boolean isIntegral(int typeCode) {
        return typeCode == Types.TINYINT || typeCode == Types.SMALLINT || typeCode == Types.INTEGER
                || typeCode == Types.BIGINT;
    }

    @Override
    public IdentityColumnSupport getIdentityColumnSupport() {
        return TypedIdentityColumnSupport.INSTANCE;
    }

    /**
     * Writes {@code INTEGER} for every identity column. Upper case on purpose: Hibernate's DDL writer omits the
     * identity string when the lower-cased statement so far already contains it, which an upper-case string
     * never matches.
     */
    static final class TypedIdentityColumnSupport extends SQLiteIdentityColumnSupport {

        static final TypedIdentityColumnSupport INSTANCE = new TypedIdentityColumnSupport();

        @Override
        public String getIdentityColumnString(int type) {
            return "INTEGER";
        }
    }
}
