package org.incidentmap.cql2;

import java.util.List;
import org.incidentmap.geo.Crs;
import org.incidentmap.geo.GeometryLimits;
import org.incidentmap.ogcapi.SqlFilter;
import org.incidentmap.problem.ProblemException;

/**
 * The {@code filter} of an items request (OGC API - Features Part 3), read and checked against the collection's
 * queryables when the request is parsed, so that every mistake is a 400 before the database is asked; kept as
 * the SQL condition it becomes, with its values bound.
 */
public final class Cql2Filter {

    public static final List<String> LANGUAGES = List.of("cql2-text", "cql2-json");
    /**
     * How deep a filter may nest (parentheses, operators within operators): far beyond what people write, and
     * bounded so that reading it, translating it and PostgreSQL's planning of it stay within their stacks.
     */
    static final int MAX_DEPTH = 64;
    /**
     * The most tokens of a cql2-text filter, and the longest filter in characters: far beyond what people write (a
     * polygon of some 3,000 vertices fits), and bounded so that a filter is refused before it is parsed.
     */
    static final int MAX_TOKENS = 20_000;
    static final int MAX_CHARS = 100_000;

    private final SqlFilter condition;

    Cql2Filter(SqlFilter condition) {
        this.condition = condition;
    }

    /**
     * Reads {@code text} in {@code lang} (cql2-text when null) with geometry literals in {@code crs} (CRS84 when
     * null; EPSG:4326 is latitude first); null when {@code text} is null.
     */
    public static Cql2Filter parse(String text, String lang, String crs, Queryables queryables,
            GeometryLimits limits, double maxRadiusMetres) {
        if (text == null) {
            if (lang != null || crs != null) {
                throw ProblemException.badParameter(lang != null ? "filter-lang" : "filter-crs",
                        "applies to a filter; give 'filter' too");
            }
            return null;
        }
        // cql-text: the draft's name, which GDAL 3.6 sends for the subset of CQL2 text it writes.
        boolean gdalDialect = lang != null && lang.strip().equals("cql-text");
        String language = lang == null || gdalDialect ? "cql2-text" : lang.strip();
        if (!LANGUAGES.contains(language)) {
            throw ProblemException.badParameter("filter-lang", "'" + lang + "' is not a filter language of this "
                    + "service; it reads cql2-text and cql2-json");
        }
        Crs filterCrs = crs == null ? Crs.CRS84 : Crs.find(crs).orElse(null);
        boolean latitudeFirst = filterCrs == Crs.EPSG_4326;
        if (filterCrs != Crs.CRS84 && !latitudeFirst) {
            throw ProblemException.badParameter("filter-crs", "'" + crs + "' is not a CRS of this service's filters; "
                    + "it reads " + Crs.CRS84.uri() + " (longitude first, the default) and " + Crs.EPSG_4326.uri()
                    + " (latitude first)");
        }
        if (text.isBlank()) {
            throw ProblemException.badParameter("filter", "is empty; give a CQL2 expression such as fatalities > 0");
        }
        if (text.length() > MAX_CHARS) {
            throw ProblemException.badParameter("filter", "is longer than " + MAX_CHARS + " characters; send a long "
                    + "geometry to /collections/incidents/search as intersects");
        }
        boolean json = language.equals("cql2-json");
        List<String> pointers = null;
        try {
            Expr filter;
            if (json) {
                Cql2Json.Parsed parsed = Cql2Json.parse(text, limits);
                pointers = parsed.pointers();
                filter = parsed.filter();
            } else {
                filter = Cql2Text.parse(text, limits);
            }
            if (Expressions.depth(filter) > MAX_DEPTH) {
                throw new Cql2Exception(1, "the filter nests more than " + MAX_DEPTH + " levels deep").locatedAt(
                        "as a whole");
            }
            if (latitudeFirst) {
                swapAxes(filter);
            }
            SqlFilter condition = new SqlFilter();
            Cql2Sql.addTo(condition, filter, queryables, maxRadiusMetres, gdalDialect);
            return new Cql2Filter(condition);
        } catch (Cql2Exception e) {
            throw ProblemException.badParameter("filter", where(e, json, pointers) + e.getMessage());
        } catch (StackOverflowError e) {
            // Reading is recursive descent: a filter nested thousands deep runs out of stack before its depth can
            // be checked. Nothing is shared while reading, so the request is refused and the thread goes on.
            throw ProblemException.badParameter("filter", "as a whole: the filter nests more than " + MAX_DEPTH
                    + " levels deep");
        }
    }

    private static String where(Cql2Exception e, boolean json, List<String> pointers) {
        if (e.where() != null) {
            return e.where() + ": ";
        }
        if (!json) {
            return "at character " + e.at() + ": ";
        }
        return pointers != null && e.at() < pointers.size() ? "at " + pointers.get(e.at()) + ": " : "";
    }

    /** Literals given latitude first (EPSG:4326) are stored longitude first. */
    private static void swapAxes(Expr e) {
        Expressions.each(e, node -> {
            if (node instanceof Expr.GeometryLiteral g) {
                Crs.swapAxes(g.geometry());
            }
        });
    }

    /** A condition of an items request that is not CQL2 (updated_after), to combine with the others. */
    public static Cql2Filter of(SqlFilter condition) {
        return new Cql2Filter(condition);
    }

    /** Both filters (either may be null: then the other; null when both are). */
    public static Cql2Filter both(Cql2Filter a, Cql2Filter b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return new Cql2Filter(a.condition.copy().andAll(b.condition));
    }

    /** Adds this filter's condition and values to {@code filter}. */
    public void addTo(SqlFilter filter) {
        filter.andAll(condition);
    }
}
