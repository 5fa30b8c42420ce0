package dev.covet.migrations.internal.jpa;

import org.hibernate.resource.beans.container.spi.BeanContainer;
import org.hibernate.resource.beans.container.spi.ContainedBean;
import org.hibernate.resource.beans.spi.BeanInstanceProducer;

import java.util.function.Supplier;

/**
 * The bean container of the offline session factory {@link HibernateBootConstraints} builds: beans (entity listeners,
 * converters) are made only when first used, which reading the model never does. An application's entity listener
 * that its own container injects (Spring's, through a constructor with arguments) cannot be made here, and need not.
 */
final class DeferredBeans implements BeanContainer {

    static final DeferredBeans INSTANCE = new DeferredBeans();

    private DeferredBeans() {
    }

    @Override
    public <B> ContainedBean<B> getBean(Class<B> beanType, LifecycleOptions options, BeanInstanceProducer fallback) {
        return new Deferred<>(beanType, () -> fallback.produceBeanInstance(beanType));
    }

    @Override
    public <B> ContainedBean<B> getBean(String name, Class<B> beanType, LifecycleOptions options, BeanInstanceProducer fallback) {
        return new Deferred<>(beanType, () -> fallback.produceBeanInstance(name, beanType));
    }

    @Override
    public void stop() {
        // nothing is held
    }

    /** A bean made on the first call to {@link #getBeanInstance()}. */
    private static final class Deferred<B> implements ContainedBean<B> {

        private final Class<B> type;
        private final Supplier<B> producer;
        private B instance;

        Deferred(Class<B> type, Supplier<B> producer) {
            this.type = type;
            this.producer = producer;
        }

        @Override
        public Class<B> getBeanClass() {
            return type;
        }

        @Override
        public synchronized B getBeanInstance() {
            if (instance == null) {
                instance = producer.get();
            }
            return instance;
        }
    }
}
