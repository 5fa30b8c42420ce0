CREATE TABLE artist (artist_id INTEGER PRIMARY KEY, name NVARCHAR(120))
--;;
CREATE TABLE album (album_id INTEGER PRIMARY KEY, title NVARCHAR(160) NOT NULL,
  artist_id INTEGER NOT NULL REFERENCES artist (artist_id) ON DELETE CASCADE ON UPDATE CASCADE)
--;;
CREATE TABLE genre (genre_id INTEGER PRIMARY KEY, name NVARCHAR(120))
--;;
CREATE TABLE track (track_id INTEGER PRIMARY KEY, name NVARCHAR(200) NOT NULL,
  album_id INTEGER REFERENCES album (album_id) ON DELETE SET NULL,
  genre_id INTEGER DEFAULT 1 REFERENCES genre (genre_id) ON DELETE SET DEFAULT,
  milliseconds INTEGER NOT NULL, unit_price NUMERIC(10,2) NOT NULL DEFAULT 0.99)
--;;
CREATE TABLE playlist (playlist_id INTEGER PRIMARY KEY, name NVARCHAR(120))
--;;
CREATE TABLE playlist_track (playlist_id INTEGER NOT NULL REFERENCES playlist (playlist_id) ON DELETE CASCADE,
  track_id INTEGER NOT NULL REFERENCES track (track_id) ON DELETE NO ACTION, PRIMARY KEY (playlist_id, track_id))
--;;
CREATE UNIQUE INDEX track_name_album ON track (album_id, name)
--;;
CREATE VIRTUAL TABLE track_search USING fts5(name)
--;;
CREATE TRIGGER track_search_insert AFTER INSERT ON track BEGIN
  INSERT INTO track_search (rowid, name) VALUES (new.track_id, new.name);
END
