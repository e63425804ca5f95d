package org.incidentmap.ogcapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.incidentmap.problem.ProblemException;

/**
 * Serves the OpenAPI 3.0 document (the landing page's service-desc) with the media type OGC API clients look
 * for. The document itself is the one SmallRye builds from the resources' annotations, also at /q/openapi.
 */
@Path("/api")
public class ApiDefinitionResource {

    static final String OPENAPI_YAML = "application/vnd.oai.openapi;version=3.0";
    static final List<String> JSON_NAMES = List.of("json", "application/json", LandingResource.OPENAPI);
    static final List<String> YAML_NAMES = List.of("yaml", "application/yaml", OPENAPI_YAML);

    /** The format parameter; the OGC test suite asks for {@code f=application/json}, then {@code f=json}. */
    public static class Params {
        @QueryParam("f")
        public String format;
    }

    @Inject
    OpenApiDocumentService documents;

    @Inject
    CollectionRegistry registry;

    @GET
    @Operation(hidden = true)
    public Response definition(@BeanParam Params params, @Context UriInfo uri) {
        String server = PublicBase.of(uri).build().toString().replaceFirst("/$", "");
        if (params.format == null || JSON_NAMES.contains(params.format)) {
            return Response.ok(completed(document(Format.JSON), server, JSON), LandingResource.OPENAPI).build();
        }
        if (YAML_NAMES.contains(params.format)) {
            return Response.ok(completed(document(Format.YAML), server, YAML), OPENAPI_YAML).build();
        }
        throw ProblemException.badParameter("f", "'" + params.format + "' is not a format of the API definition; "
                + "use json or yaml");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * The document with {@code servers} naming the base URL this request reached (behind a proxy, the public
     * one): clients and the OGC test suite join the paths to it, whatever URL they were given; and with the
     * queryables each collection takes as parameters, which only the registry of collections knows.
     */
    private byte[] completed(byte[] document, String server, ObjectMapper mapper) {
        try {
            ObjectNode root = (ObjectNode) mapper.readTree(document);
            ApiQueryableParameters.addTo(root, registry);
            ObjectNode first = mapper.createObjectNode().put("url", server);
            first.put("description", "This service");
            root.set("servers", mapper.createArrayNode().add(first));
            return mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] document(Format format) {
        return documents.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, format);
    }
}
