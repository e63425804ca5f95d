package org.incidentmap.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import org.incidentmap.cql2.Cql2Filter;
import org.incidentmap.geo.Bbox;
import org.incidentmap.geo.Crs;
import org.incidentmap.geo.GeometryLimits;
import org.incidentmap.geo.QueryGeometry;
import org.incidentmap.geo.TimeInterval;
import org.incidentmap.incident.IncidentFeatures;
import org.incidentmap.incident.IncidentQueryables;
import org.incidentmap.ogcapi.FeatureBody;
import org.incidentmap.ogcapi.PageCursor;

/**
 * Fuzz targets (Jazzer) for every parser of untrusted text: GeoJSON and WKT geometries, features, datetime, bbox,
 * cursors and CQL2 in both encodings. A plain test run replays the inputs kept under
 * src/test/resources/org/incidentmap/fuzz/ParsersFuzzTestInputs/ (found crashes included, as regressions);
 * JAZZER_FUZZ=1 fuzzes one target for its maxDuration (src/ops/fuzz.sh runs each in turn).
 */
class ParsersFuzzTest {

    static final GeometryLimits LIMITS = new GeometryLimits(100_000, 2);

    @FuzzTest(maxDuration = "30s")
    void geometry(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Refusals.only4xx(() -> QueryGeometry.parse(text, LIMITS));
    }

    @FuzzTest(maxDuration = "30s")
    void feature(FuzzedDataProvider data) {
        boolean collection = data.consumeBoolean();
        String body = data.consumeRemainingAsString();
        Refusals.only4xx(() -> {
            for (FeatureBody.Located f : FeatureBody.features(body, collection)) {
                IncidentFeatures.read(f, LIMITS, new ArrayList<>());
            }
        });
    }

    @FuzzTest(maxDuration = "30s")
    void datetime(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Refusals.only4xx(() -> TimeInterval.parse(text));
    }

    @FuzzTest(maxDuration = "30s")
    void bbox(FuzzedDataProvider data) {
        Crs crs = data.pickValue(Crs.values());
        String text = data.consumeRemainingAsString();
        Refusals.only4xx(() -> Bbox.parse(text, crs));
    }

    @FuzzTest(maxDuration = "30s")
    void cursor(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Refusals.only4xx(() -> PageCursor.id(PageCursor.decode(text)));
    }

    @FuzzTest(maxDuration = "30s")
    void cql2(FuzzedDataProvider data) {
        String lang = data.pickValue(new String[] {"cql2-text", "cql2-json", "cql-text"});
        String crs = data.consumeBoolean() ? null : Crs.EPSG_4326.uri();
        String text = data.consumeRemainingAsString();
        Refusals.only4xx(() -> Cql2Filter.parse(text, lang, crs, IncidentQueryables.ALL, LIMITS, 1_000_000));
    }
}
