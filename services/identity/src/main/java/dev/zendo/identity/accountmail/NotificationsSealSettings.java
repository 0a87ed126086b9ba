package dev.zendo.identity.accountmail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The notifications service's public keyset that account-mail secrets are sealed with before they go into events
 * ({@code KeyTool seal-init} makes the pair; only notifications holds the private keyset). The same keyset websites
 * seals invitation tokens with.
 *
 * @param publicKeyset     the public keyset itself (Tink JSON), for deployments that hand it over as a value; wins over the file
 * @param publicKeysetFile path of the public keyset file ({@code make up} generates it under .run/)
 */
@ConfigurationProperties("zendo.identity.notifications-seal")
public record NotificationsSealSettings(@Nullable String publicKeyset, @Nullable String publicKeysetFile) {
}
