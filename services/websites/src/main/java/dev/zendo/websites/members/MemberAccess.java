package dev.zendo.websites.members;

import dev.zendo.websites.access.Role;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * What access checks need to know about one membership.
 *
 * @param role      the member's role
 * @param deletedAt when the website was deleted, if it was
 */
@Introspected
public record MemberAccess(Role role, @Nullable Instant deletedAt) {
}
