package org.incidentmap.incident;

import java.time.LocalDate;

/**
 * One group of counted incidents: its key (a category, a region id, an admin name or null, a day, week or month),
 * the region's name for regions, the first and last day for time groups, and the incidents and fatalities in it.
 */
record CountGroup(String key, String name, LocalDate first, LocalDate last, long incidents, long fatalities) {

    static CountGroup of(String key, long incidents, long fatalities) {
        return new CountGroup(key, null, null, null, incidents, fatalities);
    }
}
