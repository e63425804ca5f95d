package org.incidentmap.incident;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.incidentmap.ogcapi.ItemsParams;

/** Query parameters of the incidents items endpoint: the OGC core ones plus radius, region and attribute filters. */
public class IncidentItemsParams extends ItemsParams {

    @QueryParam("near")
    @Parameter(name = "near", in = ParameterIn.QUERY, description = "Centre of a radius search, LON,LAT in WGS 84 degrees; needs 'radius'. Results come "
            + "nearest first, each with a 'distance_m' property.",
            style = ParameterStyle.FORM, explode = Explode.FALSE,
            schema = @Schema(type = SchemaType.ARRAY, implementation = Double.class, minItems = 2, maxItems = 2))
    public String near;

    @QueryParam("radius")
    @Parameter(name = "radius", in = ParameterIn.QUERY, description = "Radius of a 'near' search in true metres on the WGS 84 ellipsoid: 25000, 500m or "
            + "25km; more than 0 and at most 1000 km.",
            style = ParameterStyle.FORM, explode = Explode.FALSE,
            schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]+(\\.[0-9]+)?(m|km)?$"))
    public String radius;

    @QueryParam("region")
    @Parameter(name = "region", in = ParameterIn.QUERY, description = "Id of a stored region (see /collections/regions/items): only incidents whose "
            + "geometry intersects it.",
            style = ParameterStyle.FORM, explode = Explode.FALSE, schema = @Schema(type = SchemaType.STRING))
    public String region;

    @QueryParam("intersects")
    @Parameter(name = "intersects", in = ParameterIn.QUERY, description = "Only incidents intersecting this geometry: a GeoJSON geometry object or WKT, "
            + "WGS 84. For long geometries POST the geometry to /collections/incidents/search instead.",
            style = ParameterStyle.FORM, explode = Explode.FALSE, schema = @Schema(type = SchemaType.STRING))
    public String intersects;

    @QueryParam("category")
    @Parameter(name = "category", in = ParameterIn.QUERY, description = "One category or a comma-separated list of them (any of them matches).",
            style = ParameterStyle.FORM, explode = Explode.FALSE,
            schema = @Schema(type = SchemaType.ARRAY, implementation = Category.class))
    public String category;

    @QueryParam("fatalities_min")
    @Parameter(name = "fatalities_min", in = ParameterIn.QUERY, description = "Only incidents with at least this many reported fatalities.",
            style = ParameterStyle.FORM, explode = Explode.FALSE,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
    public String fatalitiesMin;
}
