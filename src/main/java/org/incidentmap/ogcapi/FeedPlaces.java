package org.incidentmap.ogcapi;

import java.util.HashMap;
import java.util.Map;

/**
 * The places for live feeds: at most {@code max} open at once, and at most {@code perClient} for one client, so
 * that one client (a token's subject, else an address) cannot take every place from the others.
 */
final class FeedPlaces {

    /** Why a place was refused, or null when it was given. */
    enum Refusal { ALL_TAKEN, CLIENT_FULL }

    private final Map<String, Integer> byClient = new HashMap<>();
    private int open;

    /** Takes a place for {@code client}; answers null when it got one, else why not. */
    synchronized Refusal take(String client, int max, int perClient) {
        int held = byClient.getOrDefault(client, 0);
        if (held >= perClient) {
            return Refusal.CLIENT_FULL;
        }
        if (open >= max) {
            return Refusal.ALL_TAKEN;
        }
        open++;
        byClient.put(client, held + 1);
        return null;
    }

    /** Gives back a place {@code client} took. */
    synchronized void giveBack(String client) {
        open--;
        byClient.computeIfPresent(client, (k, held) -> held > 1 ? held - 1 : null);
    }

    synchronized int open() {
        return open;
    }
}
