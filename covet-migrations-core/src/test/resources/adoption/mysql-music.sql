CREATE TABLE artist (artist_id INT NOT NULL, name VARCHAR(120), PRIMARY KEY (artist_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
--;;
CREATE TABLE album (album_id INT NOT NULL, title VARCHAR(160) NOT NULL, artist_id INT NOT NULL, PRIMARY KEY (album_id),
  CONSTRAINT fk_album_artist FOREIGN KEY (artist_id) REFERENCES artist (artist_id) ON DELETE CASCADE ON UPDATE CASCADE)
  ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
--;;
CREATE TABLE genre (genre_id INT NOT NULL, name VARCHAR(120), PRIMARY KEY (genre_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
--;;
CREATE TABLE track (track_id INT NOT NULL, name VARCHAR(200) NOT NULL, album_id INT, genre_id INT,
  milliseconds INT UNSIGNED NOT NULL, unit_price DECIMAL(10,2) NOT NULL DEFAULT 0.99, PRIMARY KEY (track_id),
  UNIQUE KEY track_name_album (album_id, name),
  CONSTRAINT fk_track_album FOREIGN KEY (album_id) REFERENCES album (album_id) ON DELETE SET NULL,
  CONSTRAINT fk_track_genre FOREIGN KEY (genre_id) REFERENCES genre (genre_id) ON DELETE NO ACTION ON UPDATE RESTRICT)
  ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
--;;
CREATE TABLE playlist (playlist_id INT NOT NULL, name VARCHAR(120), PRIMARY KEY (playlist_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
--;;
CREATE TABLE playlist_track (playlist_id INT NOT NULL, track_id INT NOT NULL, PRIMARY KEY (playlist_id, track_id),
  CONSTRAINT fk_pt_playlist FOREIGN KEY (playlist_id) REFERENCES playlist (playlist_id) ON DELETE CASCADE,
  CONSTRAINT fk_pt_track FOREIGN KEY (track_id) REFERENCES track (track_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
