package dev.covet.sample;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/** {@code /api/orders}. */
@RestController
@RequestMapping("/api/orders")
public class OrderController {

    private final OrderRepository orders;
    private final CustomerRepository customers;
    private final ProductRepository products;

    OrderController(OrderRepository orders, CustomerRepository customers, ProductRepository products) {
        this.orders = orders;
        this.customers = customers;
        this.products = products;
    }

    @GetMapping
    List<CustomerOrder> list() {
        return orders.findAll();
    }

    @GetMapping("/{id}")
    CustomerOrder get(@PathVariable Long id) {
        return orders.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public CustomerOrder create(@RequestBody NewOrder body) {
        Customer customer = customers.findById(body.customerId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown customer " + body.customerId()));
        CustomerOrder order = new CustomerOrder(customer);
        for (NewLine line : body.lines()) {
            Product product = products.findById(line.productId())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown product " + line.productId()));
            order.addLine(product, line.quantity());
        }
        return orders.save(order);
    }

    /** An order to place. */
    record NewOrder(Long customerId, List<NewLine> lines) {
    }

    /** One line of an order to place. */
    record NewLine(Long productId, int quantity) {
    }
}
