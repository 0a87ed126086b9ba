package dev.zendo.auth.agent;

/**
 * The agent a request was made by, from a verified identity access token. Declare it as a controller
 * parameter to require authentication: a request without a valid token gets 401 before the method runs.
 *
 * @param id            the agent's id ({@code sub})
 * @param email         the agent's email
 * @param name          the agent's display name
 * @param emailVerified whether the agent had proved the email theirs when the token was issued (claim
 *                      {@code email_verified}; a token without it counts as unverified)
 */
public record AuthenticatedAgent(String id, String email, String name, boolean emailVerified) {
}
