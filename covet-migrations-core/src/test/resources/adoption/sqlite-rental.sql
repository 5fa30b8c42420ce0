CREATE TABLE language (language_id INTEGER PRIMARY KEY AUTOINCREMENT, name CHAR(20) NOT NULL,
  last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)
--;;
CREATE TABLE film (film_id INTEGER PRIMARY KEY AUTOINCREMENT, title VARCHAR(255) NOT NULL, description BLOB SUB_TYPE TEXT,
  release_year VARCHAR(4), language_id INTEGER NOT NULL REFERENCES language (language_id) ON DELETE RESTRICT ON UPDATE CASCADE,
  rental_rate DECIMAL(4,2) NOT NULL DEFAULT 4.99, rating VARCHAR(10) DEFAULT 'G' CHECK (rating IN ('G','PG','PG-13','R','NC-17')),
  last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)
--;;
CREATE INDEX idx_title ON film (title)
--;;
CREATE INDEX idx_title_lower ON film (lower(title))
--;;
CREATE INDEX idx_recent ON film (last_update DESC) WHERE release_year > '2000'
--;;
CREATE TABLE inventory (inventory_id INTEGER PRIMARY KEY AUTOINCREMENT,
  film_id INTEGER NOT NULL REFERENCES film (film_id) ON DELETE RESTRICT ON UPDATE CASCADE, store_id INTEGER NOT NULL)
--;;
CREATE TRIGGER film_touch AFTER UPDATE ON film BEGIN UPDATE film SET last_update = CURRENT_TIMESTAMP WHERE film_id = NEW.film_id; END
--;;
CREATE VIEW film_list AS SELECT f.film_id, f.title, l.name AS language FROM film f JOIN language l ON l.language_id = f.language_id
