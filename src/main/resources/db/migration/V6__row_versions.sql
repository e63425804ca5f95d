-- A version per row, one more at every UPDATE of it whatever writes it (the API, an import's upsert, SQL by hand):
-- the strong ETag of a feature, which If-Match compares so that two editors cannot overwrite each other unseen.
-- A column with a constant default is added without rewriting the table.
ALTER TABLE incident ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE region ADD COLUMN version bigint NOT NULL DEFAULT 1;

CREATE FUNCTION next_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END
$$;

CREATE TRIGGER incident_next_version BEFORE UPDATE ON incident FOR EACH ROW EXECUTE FUNCTION next_row_version();
CREATE TRIGGER region_next_version BEFORE UPDATE ON region FOR EACH ROW EXECUTE FUNCTION next_row_version();
