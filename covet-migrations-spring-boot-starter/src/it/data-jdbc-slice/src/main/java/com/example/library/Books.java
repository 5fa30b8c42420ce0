package com.example.library;

import java.util.List;
import org.springframework.data.repository.CrudRepository;

/** The repository of {@link Book}s. */
public interface Books extends CrudRepository<Book, Long> {

    List<Book> findByTitle(String title);
}
