package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.MigrationEvent;
import dev.covet.migrations.MigrationListener;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Forgets the cached {@link MigrationStatusCache status} whenever a migration is applied, rolled back or fails, so
 * the health indicator and the gauges never show the status from before a rollback for the rest of the cache's
 * time-to-live. Looks the cache up at event time: the cache depends on the runner, which holds this listener.
 */
public class StatusCacheInvalidation implements MigrationListener {

    private final ObjectProvider<MigrationStatusCache> cache;

    /**
     * @param cache the status cache, if there is one
     */
    public StatusCacheInvalidation(ObjectProvider<MigrationStatusCache> cache) {
        this.cache = cache;
    }

    @Override
    public void onSuccess(MigrationEvent event) {
        cache.ifAvailable(MigrationStatusCache::invalidate);
    }

    @Override
    public void onFailure(MigrationEvent event) {
        cache.ifAvailable(MigrationStatusCache::invalidate);
    }
}
