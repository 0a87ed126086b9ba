package dev.zendo.notifications.seal;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The private keyset that opens what other services seal for notifications (invitation tokens, account links and
 * codes); {@code KeyTool seal-init} makes the pair and only this service holds the private half.
 *
 * @param privateKeysetFile path of the private keyset file ({@code make up} generates it under .run/)
 * @param privateKeyset     the keyset itself, for deployments that hand it over as a secret; wins over the file
 */
@ConfigurationProperties("zendo.notifications.seal")
public record SealSettings(@Nullable String privateKeysetFile, @Nullable String privateKeyset) {
}
