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

import java.math.BigDecimal;
import java.util.List;

/** {@code /api/products}. */
@RestController
@RequestMapping("/api/products")
public class ProductController {

    private final ProductRepository products;

    ProductController(ProductRepository products) {
        this.products = products;
    }

    @GetMapping
    List<Product> list() {
        return products.findAll();
    }

    @GetMapping("/{id}")
    Product get(@PathVariable Long id) {
        return products.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Product create(@RequestBody NewProduct body) {
        return products.save(new Product(body.sku(), body.name(), body.price()));
    }

    /** A product to create. */
    record NewProduct(String sku, String name, BigDecimal price) {
    }
}
