package dev.covet.migrations.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQLite library version and the ALTER TABLE forms it has: RENAME COLUMN from 3.25.0, DROP COLUMN from
 * 3.35.0. Anything older needs a {@link TableRebuild} for those changes.
 *
 * @param major the major version (3)
 * @param minor the minor version
 * @param patch the patch level
 */
public record SqliteVersion(int major, int minor, int patch) implements Comparable<SqliteVersion> {

    /** The first version with {@code ALTER TABLE ... RENAME COLUMN}. */
    public static final SqliteVersion RENAME_COLUMN = new SqliteVersion(3, 25, 0);

    /** The first version with {@code ALTER TABLE ... DROP COLUMN}. */
    public static final SqliteVersion DROP_COLUMN = new SqliteVersion(3, 35, 0);

    /** What to assume when no database is at hand (rendering without a connection): a current SQLite. */
    public static final SqliteVersion ASSUMED = new SqliteVersion(3, 45, 0);

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /**
     * Parses {@code sqlite_version()} output such as {@code 3.45.1}.
     *
     * @throws IllegalArgumentException when the text does not start with a version number
     */
    public static SqliteVersion parse(String text) {
        Matcher m = VERSION.matcher(text == null ? "" : text.trim());
        if (!m.lookingAt()) {
            throw new IllegalArgumentException("not a SQLite version: '" + text + "'");
        }
        return new SqliteVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    /** The version of the SQLite library behind a connection. */
    public static SqliteVersion detect(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT sqlite_version()")) {
            rs.next();
            return parse(rs.getString(1));
        }
    }

    /** Whether {@code ALTER TABLE ... RENAME COLUMN} exists (3.25.0+). */
    public boolean supportsRenameColumn() {
        return compareTo(RENAME_COLUMN) >= 0;
    }

    /** Whether {@code ALTER TABLE ... DROP COLUMN} exists (3.35.0+). */
    public boolean supportsDropColumn() {
        return compareTo(DROP_COLUMN) >= 0;
    }

    @Override
    public int compareTo(SqliteVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        return c != 0 ? c : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
