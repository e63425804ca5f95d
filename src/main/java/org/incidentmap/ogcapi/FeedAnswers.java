package org.incidentmap.ogcapi;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.geo.Bbox;
import org.incidentmap.geo.StrictJson;

/** The change feed's answers: a page of changes as JSON, or a live stream of server-sent events. */
final class FeedAnswers {

    /** Changes read per poll of a live feed; a burst larger than this comes over the next polls. */
    static final int LIVE_BATCH = 500;

    private FeedAnswers() {
    }

    static Map<String, Object> page(List<ChangeFeed.Entry> entries, ChangeFeed.Position from, int limit,
            UriInfo uri) {
        ChangeFeed.Position last = entries.isEmpty() ? (from == null ? ChangeFeed.Position.START : from)
                : entries.get(entries.size() - 1).position();
        String self = PublicBase.of(uri).path(uri.getPath()).build().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        boolean authors = AuthorsShown.toReader();
        body.put("changes", entries.stream().map(e -> json(e, authors)).toList());
        body.put("position", last.text());
        body.put("links", List.of(
                new Link(self + QueryString.of(uri.getQueryParameters(), null), "self", Link.JSON, "These changes"),
                new Link(self + QueryString.with(uri.getQueryParameters(), "since", last.text()), "next", Link.JSON,
                        entries.size() < limit ? "Changes after these (none yet: ask again later)"
                        : "Changes after these")));
        return body;
    }

    /**
     * Streams the changes after {@code start} as they commit: a poll every {@code feed.poll()}, a comment line on a
     * quiet feed, the end after {@code feed.maxDuration()} (EventSource reconnects with Last-Event-ID). The feed's
     * {@code place} is given back when it ends.
     */
    static Multi<OutboundSseEvent> live(ChangeFeed changes, CollectionInfo collection, ChangeFeed.Position start,
            Bbox bbox, Map<String, String> equal, Sse sse, ServiceConfig.Feed feed, ExchangePermit place) {
        boolean authors = AuthorsShown.toReader(); // polls run outside the request: decided now, for the feed
        AtomicReference<ChangeFeed.Position> at = new AtomicReference<>(start);
        AtomicLong quietSince = new AtomicLong(System.nanoTime());
        Multi<OutboundSseEvent> polls = Multi.createFrom().ticks().every(feed.poll()).onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .concatMap(tick -> {
                    List<ChangeFeed.Entry> entries = changes.read(collection, at.get(), bbox, equal, LIVE_BATCH);
                    if (!entries.isEmpty()) {
                        at.set(entries.get(entries.size() - 1).position());
                        quietSince.set(System.nanoTime());
                        return Multi.createFrom().iterable(entries.stream().map(e -> event(sse, e, authors)).toList());
                    }
                    if (System.nanoTime() - quietSince.get() >= feed.keepAlive().toNanos()) {
                        quietSince.set(System.nanoTime());
                        return Multi.createFrom().item(sse.newEventBuilder().comment("no change").build());
                    }
                    return Multi.createFrom().empty();
                });
        // A first comment at once, so that the status and headers reach the client before any change does.
        OutboundSseEvent opened = sse.newEventBuilder().comment("changes after " + start.text()).build();
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(opened), polls)
                .select().first(feed.maxDuration())
                .onTermination().invoke(place::close);
    }

    private static OutboundSseEvent event(Sse sse, ChangeFeed.Entry e, boolean authors) {
        return sse.newEventBuilder().id(e.position().text()).name(e.change().op())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(json(e, authors)).build();
    }

    /** An entry as JSON; {@code changed_by} only when {@code authors} are shown. */
    static Map<String, Object> json(ChangeFeed.Entry e, boolean authors) {
        ChangeLog.Change c = e.change();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("position", e.position().text());
        j.put("seq", c.seq());
        j.put("op", c.op());
        j.put("id", e.featureId());
        j.put("version", c.version());
        if (authors) {
            j.put("changed_by", c.changedBy());
        }
        j.put("changed_at", c.changedAt().toInstant().toString());
        j.put("changed", c.changed());
        j.put("feature", state(e.state()));
        return j;
    }

    private static JsonNode state(String text) {
        try {
            return text == null ? null : StrictJson.MAPPER.readTree(text);
        } catch (JacksonException ex) {
            throw new IllegalStateException("the change log holds JSON PostgreSQL wrote", ex);
        }
    }
}
