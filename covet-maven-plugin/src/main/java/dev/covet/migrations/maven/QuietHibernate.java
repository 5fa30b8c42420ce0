package dev.covet.migrations.maven;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hibernate logs through java.util.logging in a Maven build (no SLF4J binding it recognises): its start-up banner
 * ("HHH000001: Hibernate ORM core version", "Database info") would interleave with the goal's output, and so would
 * its advice to drop the explicit dialect that the entity reader sets on purpose. Other warnings stay.
 */
final class QuietHibernate implements AutoCloseable {

    private final Logger logger = Logger.getLogger("org.hibernate");
    private final Logger deprecation = Logger.getLogger("org.hibernate.orm.deprecation");
    private final Level previous = logger.getLevel();
    private final Level previousDeprecation = deprecation.getLevel();

    private QuietHibernate() {
        logger.setLevel(Level.WARNING);
        deprecation.setLevel(Level.SEVERE);
    }

    static QuietHibernate during() {
        return new QuietHibernate();
    }

    @Override
    public void close() {
        logger.setLevel(previous);
        deprecation.setLevel(previousDeprecation);
    }
}
