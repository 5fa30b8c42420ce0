package dev.covet.migrations.testing;

/**
 * One of the three databases, handed to {@link AllDatabases} tests. {@link #create()} makes a fresh database
 * (skipping, or failing on CI, when that server is not available); close it when done, best with
 * try-with-resources.
 */
public record DatabaseKind(String kind) {

    public TestDatabase create() {
        return TestDatabases.create(kind);
    }

    @Override
    public String toString() {
        return kind;
    }
}
