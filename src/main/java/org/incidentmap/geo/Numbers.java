package org.incidentmap.geo;

import java.util.regex.Pattern;
import org.incidentmap.problem.ProblemException;

/** Parses the decimal numbers that query parameters carry, naming the parameter when one is not a number. */
final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private Numbers() {
    }

    static double parse(String parameter, String text) {
        String s = text.strip();
        if (!DECIMAL.matcher(s).matches()) {
            throw ProblemException.badParameter(parameter, "'" + text + "' is not a number");
        }
        return Double.parseDouble(s);
    }
}
