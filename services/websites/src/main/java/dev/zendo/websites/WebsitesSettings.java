package dev.zendo.websites;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

import static dev.zendo.platform.settings.DurationBounds.requireAtLeast;

/**
 * What the websites service allows and how long things last, checked at startup.
 *
 * @param keyOverlap                how long a rotated key keeps working next to its replacement
 * @param invitationTtl             how long an invitation can be accepted
 * @param purgeAfter                how long a deleted website can be restored before it is purged for good
 * @param maxMembers                most members (and pending invitations) one website can have
 * @param maxGroups                 most groups one website can have
 * @param maxCannedResponses        most canned responses one website can have
 * @param maxWebsitesPerAgent       most websites one agent can own (those in the trash count until purged)
 * @param defaultMaxConcurrentChats the chat limit a new member starts with
 * @param invitationAcceptPath      dashboard path that accepts an invitation, {@code {token}} marking where its token goes
 */
@Context
@ConfigurationProperties("zendo.websites")
public record WebsitesSettings(
        @NotNull @Bindable(defaultValue = "24h") Duration keyOverlap,
        @NotNull @Bindable(defaultValue = "7d") Duration invitationTtl,
        @NotNull @Bindable(defaultValue = "30d") Duration purgeAfter,
        @Bindable(defaultValue = "200") @Min(1) @Max(10_000) int maxMembers,
        @Bindable(defaultValue = "100") @Min(1) @Max(10_000) int maxGroups,
        @Bindable(defaultValue = "1000") @Min(1) @Max(100_000) int maxCannedResponses,
        @Bindable(defaultValue = "20") @Min(1) @Max(10_000) int maxWebsitesPerAgent,
        @Bindable(defaultValue = "5") @Min(1) @Max(100) int defaultMaxConcurrentChats,
        @NotBlank @Bindable(defaultValue = "/invitations/accept#token={token}")
        @Pattern(regexp = "/\\S*\\{token}\\S*", message = "must be a path containing {token}") String invitationAcceptPath) {

    public WebsitesSettings {
        requireAtLeast("zendo.websites.key-overlap", keyOverlap, Duration.ZERO);
        requireAtLeast("zendo.websites.invitation-ttl", invitationTtl, Duration.ofMinutes(1));
        requireAtLeast("zendo.websites.purge-after", purgeAfter, Duration.ofMinutes(1));
    }
}
