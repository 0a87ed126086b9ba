package dev.zendo.websites.keys;

/**
 * The first keys of a new website.
 *
 * @param publicKey the public widget key
 * @param secretKey the secret server key, to be shown once
 */
public record IssuedKeys(String publicKey, String secretKey) {
}
