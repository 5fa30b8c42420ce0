package dev.covet.migrations.dashboardit;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A web application with no entities and open access, for the browser test of the dashboard page (the endpoint's
 * security is tested in the starter's database tests).
 */
@SpringBootApplication
public class DashboardTestApplication {

    @Bean
    SecurityFilterChain openAccess(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
    }
}
