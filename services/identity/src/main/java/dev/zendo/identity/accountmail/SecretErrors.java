package dev.zendo.identity.accountmail;

import dev.zendo.platform.http.ApiException;
import io.micronaut.http.HttpStatus;

/** The answers to a link's token that cannot be used. */
public final class SecretErrors {

    private SecretErrors() {
    }

    /** 404 {@code token_not_found}: unknown, used, replaced, or for an email the agent no longer has. */
    public static ApiException tokenNotFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "token_not_found", "This link is not valid (any more): ask for a new one.");
    }

    /** 410 {@code token_expired}. */
    public static ApiException tokenExpired() {
        return new ApiException(HttpStatus.GONE, "token_expired", "This link has expired: ask for a new one.");
    }
}
