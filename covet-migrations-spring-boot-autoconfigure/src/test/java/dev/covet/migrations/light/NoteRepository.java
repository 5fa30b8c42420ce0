package dev.covet.migrations.light;

import org.springframework.data.jpa.repository.JpaRepository;

/** The notes. */
public interface NoteRepository extends JpaRepository<Note, Long> {
}
