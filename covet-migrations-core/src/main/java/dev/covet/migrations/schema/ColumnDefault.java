package dev.covet.migrations.schema;

import java.math.BigDecimal;

/**
 * A column's default: a literal value (rendered as a literal by the dialect) or a SQL expression such as
 * {@code CURRENT_TIMESTAMP}.
 */
public sealed interface ColumnDefault {

    /**
     * A literal: a String, a Boolean or a number. Numbers are normalized to a {@link BigDecimal} without
     * trailing zeros, so {@code 0}, {@code 0.0} and a catalog's {@code "0"} read as a number compare equal.
     */
    record Literal(Object value) implements ColumnDefault {
        public Literal {
            if (value instanceof Number n && !(value instanceof BigDecimal bd && bd.equals(normalize(bd)))) {
                value = normalize(new BigDecimal(n.toString()));
            } else if (!(value instanceof String || value instanceof Boolean || value instanceof BigDecimal)) {
                throw new IllegalArgumentException("a default must be a string, number or boolean, not " + value);
            }
        }

        private static BigDecimal normalize(BigDecimal d) {
            BigDecimal stripped = d.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }

    /** A SQL expression evaluated by the database, e.g. {@code CURRENT_TIMESTAMP}. */
    record Expression(String sql) implements ColumnDefault {
    }
}
