package dev.zendo.auth.token;

import java.time.Instant;

/**
 * Tokens whose signatures a {@link TokenVerifier} has checked, kept where verifiers in other processes see them: a
 * token recorded here is verified without its signature arithmetic, every other check still made. Whoever can add to
 * it can have any token accepted, so it must live inside the trust boundary (the realtime edge's nodes share theirs in
 * Redis).
 */
public interface CheckedSignatures {

    /** Remembers nothing: every token's signature is checked. */
    CheckedSignatures NONE = new CheckedSignatures() {
        @Override
        public boolean contains(String token) {
            return false;
        }

        @Override
        public void add(String token, Instant expiresAt) {
        }
    };

    /** Whether the signature of exactly this token was checked and held; false when that cannot be told. */
    boolean contains(String token);

    /** Records that the signature of exactly this token held; forgotten once the token expires. Never throws. */
    void add(String token, Instant expiresAt);
}
