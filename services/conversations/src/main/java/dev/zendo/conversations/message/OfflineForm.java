package dev.zendo.conversations.message;

import io.micronaut.core.annotation.Nullable;

/**
 * The name and email a visitor left with a message through the offline form, as given (unverified).
 *
 * @param name  the name, or null
 * @param email where to answer
 */
public record OfflineForm(@Nullable String name, String email) {
}
