package dev.covet.migrations.slice;

import org.springframework.data.jpa.repository.JpaRepository;

/** The authors of the slice test application. */
public interface Authors extends JpaRepository<SliceTestApplication.Author, Long> {
}
