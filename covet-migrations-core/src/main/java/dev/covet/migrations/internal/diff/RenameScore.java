package dev.covet.migrations.internal.diff;

import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * The confidence that a dropped column (or table) and an added one are the same thing renamed. See
 * {@link RenameDetector} for the formula and why it is built that way.
 */
public final class RenameScore {

    /** Weight of the name similarity in a column's confidence. */
    public static final double NAME_WEIGHT = 0.7;
    /** Weight of type compatibility in a column's confidence. */
    public static final double TYPE_WEIGHT = 0.2;
    /** Weight of constraint compatibility (nullable, unique, primary key, auto-increment). */
    public static final double CONSTRAINT_WEIGHT = 0.1;

    /** Weight of the name similarity in a table's confidence. */
    public static final double TABLE_NAME_WEIGHT = 0.3;
    /** Weight of the column overlap in a table's confidence. */
    public static final double TABLE_COLUMNS_WEIGHT = 0.7;
    /** Tables sharing less of their columns than this are never renames of each other. */
    public static final double MIN_COLUMN_OVERLAP = 0.75;

    private RenameScore() {
    }

    /** {@code 0.7 * name + 0.2 * type + 0.1 * constraints}. */
    public static double column(ColumnSchema dropped, ColumnSchema added) {
        return column(dropped, added, NameSimilarity.score(dropped.name(), added.name()));
    }

    /** {@link #column(ColumnSchema, ColumnSchema)} with the name similarity already computed. */
    public static double column(ColumnSchema dropped, ColumnSchema added, double nameScore) {
        return NAME_WEIGHT * nameScore + TYPE_WEIGHT * type(dropped.type(), added.type())
                + CONSTRAINT_WEIGHT * constraints(dropped, added);
    }

    /**
     * The best confidence the pair could reach if type and constraints matched perfectly: when this passes the
     * threshold the names alone looked like a rename, so rejecting the pair prevented a false positive.
     */
    public static double columnNameOnly(ColumnSchema dropped, ColumnSchema added) {
        return columnNameOnly(NameSimilarity.score(dropped.name(), added.name()));
    }

    /** {@link #columnNameOnly(ColumnSchema, ColumnSchema)} of an already computed name similarity. */
    public static double columnNameOnly(double nameScore) {
        return NAME_WEIGHT * nameScore + TYPE_WEIGHT + CONSTRAINT_WEIGHT;
    }

    /**
     * 1 for the same type; 0.8 for the same kind with another size (VARCHAR(100) to VARCHAR(255)); 0.6 within a
     * family (integers, strings, floating and fixed-point numbers, date-times); 0 otherwise.
     */
    public static double type(ColumnType a, ColumnType b) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (a.kind() == b.kind()) {
            return 0.8;
        }
        return family(a.kind()) != null && family(a.kind()).equals(family(b.kind())) ? 0.6 : 0.0;
    }

    /**
     * Whether a value of one type can be carried into the other by a rename: the same type, or one family
     * ({@link #type} at least 0.6).
     */
    public static boolean compatible(ColumnType a, ColumnType b) {
        return type(a, b) >= 0.6;
    }

    private static String family(ColumnType.Kind kind) {
        if (kind.isInteger()) {
            return "integer";
        }
        if (kind.isText()) {
            return "text";
        }
        switch (kind) {
            case DECIMAL: case REAL: case DOUBLE:
                return "number";
            case DATE: case TIMESTAMP: case TIMESTAMPTZ:
                return "datetime";
            default:
                return null;
        }
    }

    /** The share of nullable, unique, primary-key and auto-increment flags the two columns agree on. */
    public static double constraints(ColumnSchema a, ColumnSchema b) {
        int same = (a.nullable() == b.nullable() ? 1 : 0) + (a.unique() == b.unique() ? 1 : 0)
                + (a.primaryKey() == b.primaryKey() ? 1 : 0) + (a.autoIncrement() == b.autoIncrement() ? 1 : 0);
        return same / 4.0;
    }

    /**
     * The share of columns two tables have in common: pairs of columns with a compatible type (type score at
     * least 0.6) and the same name, or a name scoring at least {@link NameSimilarity#AFFIX_CONTAINMENT} (a renamed
     * table may have renamed columns too), over the larger column count. Each column pairs at most once.
     */
    public static double columnOverlap(TableSchema a, TableSchema b) {
        int larger = Math.max(a.columns().size(), b.columns().size());
        if (larger == 0) {
            return 0.0;
        }
        List<ColumnSchema> unmatched = new ArrayList<>(a.columns());
        List<ColumnSchema> fuzzy = new ArrayList<>();
        int common = 0;
        for (ColumnSchema c : b.columns()) {
            ColumnSchema same = unmatched.stream().filter(o -> o.name().equals(c.name()) && compatible(o.type(), c.type()))
                    .findFirst().orElse(null);
            if (same != null) {
                unmatched.remove(same);
                common++;
            } else {
                fuzzy.add(c);
            }
        }
        for (ColumnSchema c : fuzzy) {
            ColumnSchema similar = unmatched.stream().filter(o -> compatible(o.type(), c.type())
                    && NameSimilarity.score(o.name(), c.name()) >= NameSimilarity.AFFIX_CONTAINMENT).findFirst().orElse(null);
            if (similar != null) {
                unmatched.remove(similar);
                common++;
            }
        }
        return (double) common / larger;
    }

    /** {@code 0.3 * name + 0.7 * columnOverlap} (at least 0.85 when four or more columns all match), or 0 when the overlap is under {@link #MIN_COLUMN_OVERLAP}. */
    public static double table(TableSchema dropped, TableSchema created) {
        double overlap = columnOverlap(dropped, created);
        if (overlap < MIN_COLUMN_OVERLAP) {
            return 0.0;
        }
        double score = TABLE_NAME_WEIGHT * NameSimilarity.score(dropped.name(), created.name()) + TABLE_COLUMNS_WEIGHT * overlap;
        // A table is known by its columns more than by its name: an entity renamed keeps every column, so a
        // perfect match of four or more columns is a rename whatever the new name (products -> catalog_items).
        if (overlap >= 1.0 && dropped.columns().size() >= 4) {
            score = Math.max(score, 0.85);
        }
        return score;
    }

    /** The table confidence if the columns matched perfectly (for counting prevented false positives). */
    public static double tableNameOnly(TableSchema dropped, TableSchema created) {
        return TABLE_NAME_WEIGHT * NameSimilarity.score(dropped.name(), created.name()) + TABLE_COLUMNS_WEIGHT;
    }
}
