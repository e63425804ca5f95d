-- Queries that matched few of 1,000,005 incidents still read them all (issue 5): a datetime of one day (3 matches)
-- took 0.45 s, updated_after 0.37 s, sortby=-occurred_at 1.0 s and sortby=-fatalities 1.5 s for a page of 100.

-- An incident's period overlapping a datetime interval. Two btree conditions (occurred_at <= end, end >= start)
-- each keep about half the rows; a range index finds the overlap itself, and its statistics tell the planner how
-- few rows a day matches. SP-GiST: a GiST index cost 24 us per inserted row against its 6 us.
CREATE INDEX incident_period_idx ON incident
    USING spgist (tstzrange(occurred_at, coalesce(occurred_until, occurred_at), '[]'));
-- Harvesting changes (updated_after): the few features changed since a moment, out of a million.
CREATE INDEX incident_updated_at_idx ON incident (updated_at);
-- Deadliest first (sortby=-fatalities), ties in id order, as pages are cut.
CREATE INDEX incident_fatalities_idx ON incident (fatalities DESC NULLS LAST, id);
-- The planner's statistics on the new index expression, at once rather than at the next autovacuum.
ANALYZE incident;
