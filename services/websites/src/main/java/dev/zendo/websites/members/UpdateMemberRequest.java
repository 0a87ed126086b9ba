package dev.zendo.websites.members;

import dev.zendo.websites.access.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Changes to a member; fields left out keep their value. Members may switch their own {@code accepting_chats};
 * the rest needs the right to manage members (and owners, where an owner is concerned).
 *
 * @param role               {@code owner}, {@code admin}, {@code supervisor}, {@code agent} or {@code viewer}
 * @param maxConcurrentChats most conversations routed to the member at once, 0 to 100
 * @param acceptingChats     whether new conversations may be routed to the member
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record UpdateMemberRequest(
        @Nullable @Pattern(regexp = Role.PATTERN, message = "must be owner, admin, supervisor, agent or viewer") String role,
        @Nullable @Min(0) @Max(100) Integer maxConcurrentChats,
        @Nullable Boolean acceptingChats) {

    /** Whether the request only switches "accepting chats". */
    boolean onlyAvailability() {
        return role == null && maxConcurrentChats == null;
    }
}
