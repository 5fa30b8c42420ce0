package dev.covet.benchmarks.child;

import dev.covet.benchmarks.db.Target;
import dev.covet.benchmarks.workload.RebuildWorkload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floors: what the work costs with nothing but JDBC. Files are applied in name order, each in one transaction
 * (MySQL commits DDL by itself), with no history table, no checksum, no lock.
 */
final class JdbcFloor {

    private JdbcFloor() {
    }

    static CallResult apply(Target target, Path dir) throws IOException, SQLException {
        long t0 = System.nanoTime();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            // By the leading number, as every tool orders them: by name, 10000_x would come before 1001_x.
            files = s.filter(p -> p.toString().endsWith(".sql"))
                    .sorted(Comparator.comparingLong(JdbcFloor::number).thenComparing(Path::toString)).toList();
        }
        try (Connection c = target.connect()) {
            c.setAutoCommit(false);
            for (Path file : files) {
                try (Statement s = c.createStatement()) {
                    // The generator writes one statement per ";\n"-terminated chunk, with no ';' inside.
                    for (String sql : Files.readString(file).split(";\n")) {
                        if (!sql.isBlank()) {
                            s.execute(sql);
                        }
                    }
                }
                c.commit();
            }
        }
        return new CallResult(System.nanoTime() - t0, "applied=" + files.size());
    }

    /**
     * The floor of a start with nothing pending: connect, read every row of the history table (Covet's, which set
     * up this database), and read and hash every file. No parsing, no comparison, no lock.
     */
    static CallResult start(Target target, Path dir) throws IOException, SQLException, NoSuchAlgorithmException {
        long t0 = System.nanoTime();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".sql")).toList();
        }
        int rows = 0;
        try (Connection c = target.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM covet_migrations")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                rows++;
            }
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Path file : files) {
            sha.update(Files.readAllBytes(file));
            sha.digest();
        }
        return new CallResult(System.nanoTime() - t0, "history_rows=" + rows + ",files=" + files.size());
    }

    private static long number(Path file) {
        String name = file.getFileName().toString();
        int end = 0;
        while (end < name.length() && Character.isDigit(name.charAt(end))) {
            end++;
        }
        return end == 0 ? Long.MAX_VALUE : Long.parseLong(name.substring(0, end));
    }

    /** CREATE the new table and INSERT … SELECT the rows into it: the copy at the heart of a rebuild. */
    static CallResult plainCopy(Target target) throws SQLException {
        return inTransaction(target, RebuildWorkload.plainCopySql(), "copied");
    }

    /** The whole rebuild written by hand: copy, drop the old table, rename, re-create the index. */
    static CallResult manualRebuild(Target target) throws SQLException {
        return inTransaction(target, RebuildWorkload.manualRebuildSql(), "rebuilt");
    }

    private static CallResult inTransaction(Target target, List<String> statements, String note) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : statements) {
                s.execute(sql);
            }
            c.commit();
        }
        return new CallResult(System.nanoTime() - t0, note);
    }
}
