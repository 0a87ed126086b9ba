package dev.zendo.testsupport;

/**
 * A database made for one spec, with the service's own role and schema in it.
 *
 * @param jdbcUrl  where it is
 * @param user     the service's role
 * @param password that role's password
 * @param schema   the service's schema
 */
public record TestDatabase(String jdbcUrl, String user, String password, String schema) {
}
