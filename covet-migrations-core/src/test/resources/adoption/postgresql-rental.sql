CREATE TYPE mpaa_rating AS ENUM ('G', 'PG', 'PG-13', 'R', 'NC-17')
--;;
CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155)
--;;
CREATE TYPE postal_address AS (street text, city varchar(50), country_code char(2))
--;;
CREATE TABLE language (language_id SERIAL PRIMARY KEY, name CHAR(20) NOT NULL, last_update TIMESTAMP NOT NULL DEFAULT now())
--;;
CREATE TABLE film (
  film_id SERIAL PRIMARY KEY,
  title VARCHAR(255) NOT NULL,
  description TEXT,
  release_year year,
  language_id INTEGER NOT NULL REFERENCES language (language_id) ON UPDATE CASCADE ON DELETE RESTRICT,
  rental_rate NUMERIC(4,2) NOT NULL DEFAULT 4.99,
  rating mpaa_rating DEFAULT 'G',
  special_features TEXT[],
  fulltext tsvector,
  created DATE NOT NULL DEFAULT ('now'::text)::date,
  last_update TIMESTAMP NOT NULL DEFAULT now(),
  CONSTRAINT film_rate_positive CHECK (rental_rate >= 0))
--;;
CREATE INDEX film_fulltext_idx ON film USING gist (fulltext)
--;;
CREATE INDEX idx_title_lower ON film (lower(title))
--;;
CREATE INDEX idx_recent_films ON film (last_update DESC) WHERE release_year > 2000
--;;
CREATE TABLE inventory (
  inventory_id SERIAL PRIMARY KEY,
  film_id INTEGER NOT NULL REFERENCES film (film_id) ON UPDATE CASCADE ON DELETE RESTRICT,
  store_id SMALLINT NOT NULL,
  shelf_address postal_address)
--;;
CREATE TABLE rental (
  rental_id SERIAL PRIMARY KEY,
  rental_date TIMESTAMP NOT NULL,
  inventory_id INTEGER NOT NULL REFERENCES inventory (inventory_id) ON DELETE SET NULL,
  return_date TIMESTAMP,
  customer_email VARCHAR(100) NOT NULL,
  UNIQUE (rental_date, inventory_id))
--;;
CREATE FUNCTION last_updated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.last_update = CURRENT_TIMESTAMP; RETURN NEW; END $$
--;;
CREATE TRIGGER last_updated BEFORE UPDATE ON film FOR EACH ROW EXECUTE FUNCTION last_updated()
--;;
CREATE VIEW film_list AS SELECT f.film_id, f.title, l.name AS language FROM film f JOIN language l USING (language_id)
