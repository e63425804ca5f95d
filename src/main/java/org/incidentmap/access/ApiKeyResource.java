package org.incidentmap.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.ogcapi.BoundedBody;
import org.incidentmap.ogcapi.FeatureBody;
import org.incidentmap.ogcapi.Link;
import org.incidentmap.ogcapi.PublicBase;
import org.incidentmap.problem.ProblemException;

/** API keys for scripts, managed by administrators: made (the secret shown once), listed, revoked. */
@Path("/admin/api-keys")
@Tag(name = "Administration", description = "API keys for scripts (administrators only)")
@Produces(Link.JSON)
public class ApiKeyResource {

    @Inject
    ApiKeyStore keys;

    @Inject
    SecurityIdentity caller;

    @Inject
    ServiceConfig config;

    @POST
    @WriteAccess(Role.ADMIN)
    @Consumes(Link.JSON)
    @Operation(summary = "Makes an API key: {\"name\": \"nightly ACLED import\", \"role\": \"editor\", \"owner\": "
            + "\"importer\"} (owner: the caller when absent); the answer holds the key, which is never shown again")
    public Response create(InputStream body, @Context UriInfo uri) {
        JsonNode request = FeatureBody.parse(BoundedBody.read(body, config.body().maxBytes()));
        if (!request.isObject()) {
            throw ProblemException.badBody("", "expected a JSON object with name and role");
        }
        request.fieldNames().forEachRemaining(f -> {
            if (!List.of("name", "role", "owner").contains(f)) {
                throw ProblemException.badBody("/" + f, "not a member of a key request; it takes name, role, owner");
            }
        });
        String name = text(request, "name", null);
        Role role = Role.fromWire(text(request, "role", null)).orElseThrow(() -> ProblemException.badBody("/role",
                "must be reader, editor or admin"));
        String owner = text(request, "owner", caller.getPrincipal().getName());
        ApiKeyStore.Created created = keys.create(name, owner, role, caller.getPrincipal().getName());
        Map<String, Object> answer = describe(created.key(), uri);
        answer.put("key", created.secret());
        return Response.created(PublicBase.of(uri).path("admin/api-keys").path(String.valueOf(created.key().id()))
                .build()).entity(answer).build();
    }

    @GET
    @WriteAccess(Role.ADMIN)
    @Operation(summary = "Every API key, revoked ones included (never their secrets)")
    public Map<String, Object> list(@Context UriInfo uri) {
        return Map.of("keys", keys.all().stream().map(k -> describe(k, uri)).toList());
    }

    @GET
    @Path("{keyId}")
    @WriteAccess(Role.ADMIN)
    @Operation(summary = "One API key (never its secret)")
    public Map<String, Object> one(@PathParam("keyId") String id, @Context UriInfo uri) {
        return describe(keys.get(id(id)).orElseThrow(() -> notFound(id)), uri);
    }

    @DELETE
    @Path("{keyId}")
    @WriteAccess(Role.ADMIN)
    @Operation(summary = "Revokes an API key: requests with it are refused from now on (401)")
    public Response revoke(@PathParam("keyId") String id) {
        long keyId = id(id);
        if (!keys.revoke(keyId) && keys.get(keyId).isEmpty()) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static Map<String, Object> describe(ApiKeyStore.ApiKey key, UriInfo uri) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", key.id());
        d.put("name", key.name());
        d.put("owner", key.owner());
        d.put("role", key.role().wire());
        d.put("created_by", key.createdBy());
        d.put("created_at", key.createdAt().toString());
        d.put("revoked_at", key.revokedAt() == null ? null : key.revokedAt().toString());
        d.put("links", List.of(new Link(PublicBase.of(uri).path("admin/api-keys").path(String.valueOf(key.id()))
                .build().toString(), "self", Link.JSON, "This key")));
        return d;
    }

    /** A member that must be text of 1 to 100 characters; {@code absent} when it may be left out (null: required). */
    private static String text(JsonNode request, String member, String absent) {
        JsonNode value = request.get(member);
        if (value == null && absent != null) {
            return absent;
        }
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > 100
                || value.asText().chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badBody("/" + member, "must be text of 1 to 100 characters");
        }
        return value.asText().strip();
    }

    private static long id(String text) {
        if (!text.matches("[0-9]{1,18}")) {
            throw notFound(text);
        }
        return Long.parseLong(text);
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("There is no API key with id '" + id + "'.");
    }
}
