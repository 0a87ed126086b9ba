package dev.zendo.conversations.replica;

import java.util.UUID;

/**
 * A working secret key ({@code sk_…}) of a live website, named by its id: the key itself is never kept.
 *
 * @param websiteId the website it belongs to
 * @param keyId     the key's id, as websites issued it
 */
public record SecretKey(UUID websiteId, String keyId) {
}
