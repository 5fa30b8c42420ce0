package dev.covet.sample;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/** {@code /api/customers}. */
@RestController
@RequestMapping("/api/customers")
public class CustomerController {

    private final CustomerRepository customers;

    CustomerController(CustomerRepository customers) {
        this.customers = customers;
    }

    @GetMapping
    List<Customer> list() {
        return customers.findAll();
    }

    @GetMapping("/{id}")
    Customer get(@PathVariable Long id) {
        return customers.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Customer create(@RequestBody NewCustomer body) {
        return customers.save(new Customer(body.email(), body.name()));
    }

    /** A customer to create. */
    record NewCustomer(String email, String name) {
    }
}
