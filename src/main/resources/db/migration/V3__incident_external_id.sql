-- The id an incident has in another data set (ACLED's event_id_cnty, e.g. SYR12345), so that importing the same
-- file again updates those incidents instead of adding them twice. At most one incident per external id.
ALTER TABLE incident ADD COLUMN external_id text CHECK (length(external_id) BETWEEN 1 AND 100);
CREATE UNIQUE INDEX incident_external_id_key ON incident (external_id);
