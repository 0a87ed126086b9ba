package dev.zendo.conversations.verification;

import io.micronaut.core.annotation.Nullable;

/**
 * A user of the host site, as its backend vouched for them in a user token signed with the website's secret.
 *
 * @param userId the host site's id of the user ({@code sub})
 * @param email  their email, when the token names one
 * @param name   their name, when the token names one
 */
public record VerifiedUser(String userId, @Nullable String email, @Nullable String name) {
}
