package dev.covet.migrations.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application the database tests start: JPA entities matching {@code db/it-migrations}, Actuator, and
 * Spring Security with HTTP basic (CSRF off, as for a machine-to-machine management API).
 */
@SpringBootApplication
public class StarterTestApplication {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class Security {
        @Bean
        SecurityFilterChain management(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .httpBasic(Customizer.withDefaults())
                    .csrf(csrf -> csrf.disable());
            return http.build();
        }
    }
}
