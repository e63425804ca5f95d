-- CQL2's ACCENTI() compares text without its accents (Hama = Ḥamā): PostgreSQL's unaccent, shipped with the server.
CREATE EXTENSION IF NOT EXISTS unaccent;
