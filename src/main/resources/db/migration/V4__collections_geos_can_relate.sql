-- GEOS cannot relate a GeometryCollection whose polygons cross one another: every ST_Intersects that meets such a
-- row fails with a TopologyException. Rows stored before the service refused them get their polygons merged (the
-- area they cover is unchanged), and the table refuses new ones whatever path writes them.
-- Both statements read every row: not bound by the service's statement timeout.
SET LOCAL statement_timeout = 0;

UPDATE incident
   SET geom = (SELECT ST_Collect(part) FROM unnest(ARRAY[ST_UnaryUnion(ST_CollectionExtract(geom, 3)),
                   ST_CollectionExtract(geom, 2), ST_CollectionExtract(geom, 1)]) part
                WHERE NOT ST_IsEmpty(part))
 WHERE GeometryType(geom) = 'GEOMETRYCOLLECTION'
   AND NOT ST_IsValid(ST_CollectionExtract(geom, 3));

ALTER TABLE incident ADD CONSTRAINT incident_collection_polygons_valid
    CHECK (GeometryType(geom) <> 'GEOMETRYCOLLECTION' OR ST_IsValid(ST_CollectionExtract(geom, 3)));
