package dev.covet.migrations.testing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test once per database (SQLite, PostgreSQL, MySQL), each time with a fresh {@link TestDatabase}
 * parameter that is dropped afterwards.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@ArgumentsSource(AllDatabasesProvider.class)
public @interface AllDatabases {
}
