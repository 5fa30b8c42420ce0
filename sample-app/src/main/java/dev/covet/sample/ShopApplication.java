package dev.covet.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small shop on embedded SQLite (or PostgreSQL/MySQL with the {@code postgres}/{@code mysql} profiles), its schema
 * managed by Covet Migrations and validated by Hibernate at startup.
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
