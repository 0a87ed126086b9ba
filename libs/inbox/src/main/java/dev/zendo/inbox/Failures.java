package dev.zendo.inbox;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/** Tells trouble with the database itself, which no attempt is counted for, from a handler's own failure. */
final class Failures {

    private Failures() {
    }

    /** Whether {@code error} or one of its causes says the database cannot be reached or the connection broke. */
    static boolean unreachableDatabase(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** The type and message of {@code error}, for the parked row and the log. */
    static String describe(Throwable error) {
        return error.getClass().getName() + ": " + error.getMessage();
    }
}
