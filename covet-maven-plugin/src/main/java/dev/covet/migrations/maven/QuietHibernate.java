package dev.covet.migrations.maven;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hibernate logs through java.util.logging in a Maven build (no SLF4J binding it recognises): its start-up banner
 * ("HHH000001: Hibernate ORM core version", "Database info") would interleave with the goal's output. Warnings stay.
 */
final class QuietHibernate implements AutoCloseable {

    private final Logger logger = Logger.getLogger("org.hibernate");
    private final Level previous = logger.getLevel();

    private QuietHibernate() {
        logger.setLevel(Level.WARNING);
    }

    static QuietHibernate during() {
        return new QuietHibernate();
    }

    @Override
    public void close() {
        logger.setLevel(previous);
    }
}
