package dev.covet.sample;

import org.springframework.data.jpa.repository.JpaRepository;

/** Orders. */
public interface OrderRepository extends JpaRepository<CustomerOrder, Long> {
}
