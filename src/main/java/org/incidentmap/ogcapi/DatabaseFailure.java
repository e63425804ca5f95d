package org.incidentmap.ogcapi;

import java.sql.SQLException;

/** A JDBC failure on a read: not the request's fault, so it is answered as a server error and logged. */
public class DatabaseFailure extends RuntimeException {

    public DatabaseFailure(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
