package dev.covet.migrations.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

import java.util.stream.Stream;

/** Supplies one {@link DatabaseKind} per database; the test turns it into a fresh database. */
public final class AllDatabasesProvider implements ArgumentsProvider {
    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        return TestDatabases.KINDS.stream().map(kind -> Arguments.of(new DatabaseKind(kind)));
    }
}
