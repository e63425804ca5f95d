package org.incidentmap.tile;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Answers a Mapbox Vector Tile: 204 when it holds nothing, else the bytes with a strong ETag from their digest, so
 * a map revalidating an unchanged tile gets a 304 with no body; any write that changes a tile changes its ETag.
 */
public final class VectorTile {

    public static final String MEDIA_TYPE = "application/vnd.mapbox-vector-tile";

    private VectorTile() {
    }

    public static Response response(byte[] tile, Request request) {
        if (tile == null || tile.length == 0) {
            return Response.noContent().header("Cache-Control", "no-cache").build();
        }
        EntityTag tag = new EntityTag(digest(tile));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = unchanged != null ? unchanged : Response.ok(tile, MEDIA_TYPE);
        // no-cache: keep the tile but ask whether it changed before using it again (a 304 costs no body).
        return answer.tag(tag).header("Cache-Control", "no-cache").build();
    }

    private static String digest(byte[] tile) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(tile);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
