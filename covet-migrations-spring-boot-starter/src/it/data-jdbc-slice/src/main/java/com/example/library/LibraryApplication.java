package com.example.library;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Data JDBC application: one aggregate ({@link Book}), its table made by Covet's migration. */
@SpringBootApplication
public class LibraryApplication {
}
