package dev.covet.migrations.squash;

import dev.covet.migrations.testing.MigrationFiles;
import java.util.List;

/**
 * Twelve migrations of a blog with everything a squash must get right: foreign keys, indexes created and
 * dropped, a column added, altered and dropped, column and table renames, a seed-data RUN_SQL (a barrier the
 * squash keeps) and an elidable RUN_SQL (which it drops). The last replaced file, {@code 0010_widen_title},
 * sorts after the squash {@code 0010_squashed_0001_0010} on purpose: the loader's "previous file" default
 * must not make an original depend on the squash that replaces it.
 */
final class BlogHistory {

    /** The files the squash of all but the newest two replaces, in order. */
    static final List<String> REPLACED = List.of("0001_create_authors", "0002_create_posts", "0003_index_titles",
            "0004_seed_authors", "0005_add_nickname", "0006_widen_nickname", "0007_rename_author_name",
            "0008_create_tags", "0009_drop_draft_note", "0010_widen_title");

    /** The newest two, kept as they are. */
    static final List<String> PRESERVED = List.of("0011_add_published_at", "0012_create_comments");

    private BlogHistory() {
    }

    static MigrationFiles write(MigrationFiles dir) {
        return dir
                .write("0001_create_authors.yaml", """
                        description: Authors.
                        operations:
                          - type: CREATE_TABLE
                            table: authors
                            columns:
                              - {name: id, type: BIGINT, nullable: false, primary_key: true, auto_increment: true}
                              - {name: name, type: VARCHAR(100), nullable: false}
                              - {name: email, type: VARCHAR(200), nullable: true}
                        """)
                .write("0002_create_posts.yaml", """
                        operations:
                          - type: CREATE_TABLE
                            table: posts
                            columns:
                              - {name: id, type: BIGINT, nullable: false, primary_key: true, auto_increment: true}
                              - {name: author_id, type: BIGINT, nullable: false}
                              - {name: title, type: VARCHAR(100), nullable: false}
                              - {name: body, type: TEXT, nullable: true}
                            foreign_keys:
                              - {name: fk_posts_author, columns: [author_id], references: {table: authors, columns: [id]}, on_delete: CASCADE}
                        """)
                .write("0003_index_titles.yaml", """
                        operations:
                          - type: ADD_INDEX
                            table: posts
                            index: {name: idx_posts_title, columns: [title], unique: false}
                          - type: ADD_INDEX
                            table: authors
                            index: {name: idx_authors_email, columns: [email], unique: true}
                        """)
                .write("0004_seed_authors.yaml", """
                        description: Seed data that a squash must keep.
                        operations:
                          - type: RUN_SQL
                            sql:
                              - INSERT INTO authors (id, name, email) VALUES (1, 'Ada', 'ada@example.com')
                              - INSERT INTO posts (id, author_id, title, body) VALUES (1, 1, 'Hello', 'First post')
                            reverse_sql:
                              - DELETE FROM posts WHERE id = 1
                              - DELETE FROM authors WHERE id = 1
                        """)
                .write("0005_add_nickname.yaml", """
                        operations:
                          - type: ADD_COLUMN
                            table: authors
                            column: {name: nickname, type: VARCHAR(20), nullable: true}
                          - type: ADD_COLUMN
                            table: posts
                            column: {name: draft_note, type: VARCHAR(50), nullable: true}
                          - type: ADD_INDEX
                            table: authors
                            index: {name: idx_authors_nickname, columns: [nickname], unique: false}
                        """)
                .write("0006_widen_nickname.yaml", """
                        operations:
                          - type: ALTER_COLUMN
                            table: authors
                            column: {name: nickname, type: VARCHAR(80), nullable: true}
                          - type: ALTER_COLUMN
                            table: posts
                            column: {name: draft_note, type: VARCHAR(200), nullable: true}
                        """)
                .write("0007_rename_author_name.yaml", """
                        operations:
                          - type: RENAME_COLUMN
                            table: authors
                            column: name
                            new_name: full_name
                          - type: DROP_INDEX
                            table: posts
                            index: idx_posts_title
                        """)
                .write("0008_create_tags.yaml", """
                        operations:
                          - type: CREATE_TABLE
                            table: tags
                            columns:
                              - {name: id, type: BIGINT, nullable: false, primary_key: true, auto_increment: true}
                              - {name: label, type: VARCHAR(30), nullable: false}
                          - type: ADD_INDEX
                            table: tags
                            index: {name: idx_tags_label, columns: [label], unique: true}
                          - type: RENAME_TABLE
                            table: tags
                            new_name: labels
                          - type: RUN_SQL
                            sql: UPDATE authors SET nickname = 'ada' WHERE id = 1
                            elidable: true
                        """)
                .write("0009_drop_draft_note.yaml", """
                        operations:
                          - type: DROP_COLUMN
                            table: posts
                            column: draft_note
                          - type: DROP_INDEX
                            table: authors
                            index: idx_authors_nickname
                          - type: RENAME_TABLE
                            table: posts
                            new_name: articles
                        """)
                .write("0010_widen_title.yaml", """
                        operations:
                          - type: ALTER_COLUMN
                            table: articles
                            column: {name: title, type: VARCHAR(200), nullable: false}
                          - type: ADD_INDEX
                            table: articles
                            index: {name: idx_articles_title, columns: [title], unique: false}
                        """)
                .write("0011_add_published_at.yaml", """
                        operations:
                          - type: ADD_COLUMN
                            table: articles
                            column: {name: published_at, type: TIMESTAMP, nullable: true}
                        """)
                .write("0012_create_comments.yaml", """
                        operations:
                          - type: CREATE_TABLE
                            table: comments
                            columns:
                              - {name: id, type: BIGINT, nullable: false, primary_key: true, auto_increment: true}
                              - {name: article_id, type: BIGINT, nullable: false}
                              - {name: text, type: TEXT, nullable: false}
                            foreign_keys:
                              - {name: fk_comments_article, columns: [article_id], references: {table: articles, columns: [id]}, on_delete: CASCADE}
                        """);
    }
}
