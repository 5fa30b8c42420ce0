package dev.covet.migrations.oracle.library;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;

import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "authors")
public class Author extends Person {
    @Size(max = 2000)
    public String biography;
    public Integer birthYear;
    @Enumerated(EnumType.STRING)
    public Genre favouriteGenre;
    @ManyToMany(mappedBy = "authors")
    public Set<Book> books = new HashSet<>();
}
