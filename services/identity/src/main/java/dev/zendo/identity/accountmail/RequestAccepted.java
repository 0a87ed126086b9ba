package dev.zendo.identity.accountmail;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to a request for a password reset or a sign-in code: {@code {}}, whether or not the email is an agent's. */
@Serdeable
public record RequestAccepted() {
}
