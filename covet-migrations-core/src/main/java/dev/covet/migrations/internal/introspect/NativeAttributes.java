package dev.covet.migrations.internal.introspect;

import dev.covet.migrations.schema.ColumnType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A database's own column type that is a portable type plus what only the column says: a generation expression
 * ({@code numeric(10,2) generated always as (price * qty) stored}), a collation ({@code varchar(10) collate "C"},
 * {@code varchar(10) character set latin1 collate latin1_bin}), MySQL's {@code on update current_timestamp()}. The
 * readers keep these as one native type so that they render back; entities cannot say them, so generation compares
 * the portable part.
 */
public final class NativeAttributes {

    private static final List<String> MARKERS = List.of(" generated always as", " collate ", " character set ", " as (", " as(",
            " on update ");

    private NativeAttributes() {
    }

    /**
     * The portable type under a native one, with the attributes cut off; empty when the type is not native, has no
     * such attributes, or what remains is not a portable type (an enum, an array).
     */
    public static Optional<Split> split(ColumnType type) {
        if (!type.isNative()) {
            return Optional.empty();
        }
        String sql = type.nativeSql();
        String lower = sql.toLowerCase(Locale.ROOT);
        int cut = -1;
        for (String marker : MARKERS) {
            int at = lower.indexOf(marker);
            if (at > 0 && (cut < 0 || at < cut)) {
                cut = at;
            }
        }
        if (cut < 0) {
            return Optional.empty();
        }
        String base = sql.substring(0, cut).strip();
        ColumnType portable;
        try {
            portable = switch (type.dialect()) {
                case "postgresql" -> PostgresSchemaReader.type("", "", base);
                case "mysql" -> MySqlTypes.parse(base);
                default -> ColumnType.parse(base);
            };
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return portable.isNative() ? Optional.empty() : Optional.of(new Split(portable, sql.substring(cut).strip()));
    }

    /**
     * A native type taken apart.
     *
     * @param portable the portable type under it
     * @param attributes what the column adds ({@code generated always as (...) stored})
     */
    public record Split(ColumnType portable, String attributes) {
    }
}
