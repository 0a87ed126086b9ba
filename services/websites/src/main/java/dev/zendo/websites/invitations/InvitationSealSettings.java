package dev.zendo.websites.invitations;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The notifications service's public keyset that invitation tokens are sealed with before they go into events
 * ({@code KeyTool seal-init} makes the pair; only notifications holds the private keyset).
 *
 * @param publicKeyset     the public keyset itself (Tink JSON), for deployments that hand it over as a value; wins over the file
 * @param publicKeysetFile path of the public keyset file ({@code make up} generates it under .run/)
 */
@ConfigurationProperties("zendo.websites.invitation-seal")
public record InvitationSealSettings(@Nullable String publicKeyset, @Nullable String publicKeysetFile) {
}
