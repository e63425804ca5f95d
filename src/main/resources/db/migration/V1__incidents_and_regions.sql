-- Incidents and named regions, WGS 84 (SRID 4326), longitude first.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE incident (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title          text        NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    description    text,
    category       text        NOT NULL CHECK (category IN ('battles', 'explosions_remote_violence',
                       'violence_against_civilians', 'protests', 'riots', 'strategic_developments')),
    sub_category   text,
    occurred_at    timestamptz NOT NULL,
    -- End of the period for incidents known only as a span ("over the past two weeks"); null for one moment.
    occurred_until timestamptz CHECK (occurred_until >= occurred_at),
    time_precision text        NOT NULL CHECK (time_precision IN ('exact', 'day', 'week', 'month')),
    fatalities     integer     CHECK (fatalities >= 0),
    actors         text[]      NOT NULL DEFAULT '{}',
    location_name  text,
    admin1         text,
    admin2         text,
    geo_precision  text        CHECK (geo_precision IN ('exact', 'near', 'region')),
    sources        jsonb       NOT NULL DEFAULT '[]',
    geom           geometry(Geometry, 4326) NOT NULL CHECK (ST_IsValid(geom)),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- bbox / region / intersects filters (planar, degrees).
CREATE INDEX incident_geom_idx ON incident USING gist (geom);
-- Radius filters in true metres: ST_DWithin(geom::geography, ...) uses only an index on the same expression.
CREATE INDEX incident_geog_idx ON incident USING gist ((geom::geography));
CREATE INDEX incident_occurred_at_idx ON incident (occurred_at);

CREATE TABLE region (
    id          text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name        text        NOT NULL,
    kind        text        NOT NULL,
    approximate boolean     NOT NULL DEFAULT false,
    geom        geometry(Geometry, 4326) NOT NULL
                CHECK (ST_IsValid(geom) AND GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX region_geom_idx ON region USING gist (geom);

-- One row per seed file ever loaded into this database, so a restart never loads it again.
CREATE TABLE seed_load (
    name      text        PRIMARY KEY,
    loaded_at timestamptz NOT NULL DEFAULT now()
);
