package dev.covet.migrations.autoconfigure.cli;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;

/**
 * Defers the JPA entity manager factories until something uses one, when the application runs a {@code covet}
 * command. No command uses one ({@code makemigrations} reads the entity classes itself), and building Hibernate's
 * session factory was about half of a command's start.
 * <p>
 * Lazy initialization alone does not defer them: Spring makes every {@code LoadTimeWeaverAware} bean before the
 * others, lazy or not, and the factory bean Boot defines ({@code LocalContainerEntityManagerFactoryBean}) is one.
 * So the definition also declares its type as what it is for its users, a {@code FactoryBean<EntityManagerFactory>}:
 * lookups by the entity manager factory type still find it, the load-time-weaver lookup does not. A bean of the
 * application that needs an entity manager factory still gets it, made on first use (a load-time weaver, if the
 * application has one, is still applied then).
 */
final class LazyEntityManagerFactories implements BeanFactoryPostProcessor {

    private static final ResolvableType FACTORY_OF_ENTITY_MANAGER_FACTORIES =
            ResolvableType.forClassWithGenerics(FactoryBean.class, EntityManagerFactory.class);

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // Names only, with no eager initialisation: asking a factory bean for its product must not build it.
        for (String name : beanFactory.getBeanNamesForType(EntityManagerFactory.class, true, false)) {
            if (!beanFactory.containsBeanDefinition(name)) {
                continue;
            }
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            definition.setLazyInit(true);
            if (beanFactory.isFactoryBean(name) && definition instanceof RootBeanDefinition root) {
                root.setTargetType(FACTORY_OF_ENTITY_MANAGER_FACTORIES);
            }
        }
    }
}
