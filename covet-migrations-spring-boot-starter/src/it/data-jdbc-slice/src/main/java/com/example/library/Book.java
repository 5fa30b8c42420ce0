package com.example.library;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An aggregate root, mapped to the table db/migrations/0001_book.yaml creates. */
@Table("book")
public class Book {

    @Id
    private Long id;
    private String title;
    private Integer publishedYear;

    protected Book() {
    }

    public Book(String title, Integer publishedYear) {
        this.title = title;
        this.publishedYear = publishedYear;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Integer getPublishedYear() {
        return publishedYear;
    }
}
