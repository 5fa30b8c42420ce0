package dev.covet.sample;

import org.springframework.data.jpa.repository.JpaRepository;

/** Products. */
public interface ProductRepository extends JpaRepository<Product, Long> {
}
