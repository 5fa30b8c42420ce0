package com.example.library;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

/** The repository of {@link Book}s. */
public interface Books extends ListCrudRepository<Book, Long>, ListPagingAndSortingRepository<Book, Long> {

    List<Book> findByTitle(String title);
}
