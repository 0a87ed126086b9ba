package dev.zendo.websites.keys;

import java.util.UUID;

/**
 * The first keys of a new website.
 *
 * @param publicKeyId the public key's id
 * @param publicKey   the public widget key
 * @param secretKeyId the secret key's id
 * @param secretKey   the secret server key, to be shown once
 */
public record IssuedKeys(UUID publicKeyId, String publicKey, UUID secretKeyId, String secretKey) {
}
