package dev.covet.migrations.oracle.library;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "books", indexes = @Index(name = "idx_books_genre_published", columnList = "genre, published_on"))
public class Book {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @NotBlank
    @Size(max = 200)
    public String title;
    @NotNull
    @Size(min = 10, max = 13)
    @Column(unique = true)
    public String isbn;
    @NotNull
    @Enumerated(EnumType.STRING)
    public Genre genre;
    public LocalDate publishedOn;
    /** Hibernate makes it NUMERIC(8,2) from @Digits. */
    @Digits(integer = 6, fraction = 2)
    public BigDecimal listPrice;
    @NotNull
    @ManyToOne
    public Publisher publisher;
    @ManyToMany
    @JoinTable(name = "book_authors", joinColumns = @JoinColumn(name = "book_id"),
            inverseJoinColumns = @JoinColumn(name = "author_id"))
    public Set<Author> authors = new HashSet<>();
    @ElementCollection
    @CollectionTable(name = "book_keywords", joinColumns = @JoinColumn(name = "book_id"))
    @Column(name = "keyword", length = 40, nullable = false)
    public Set<String> keywords = new HashSet<>();
}
