package dev.zendo.auth.token;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Tokens whose signatures a {@link TokenVerifier} has checked, kept where verifiers in other processes see them: a
 * token recorded here is verified without its signature arithmetic, every other check still made. Whoever can add to
 * it can have any token accepted, so it must live inside the trust boundary (the realtime edge's nodes share theirs in
 * Redis). Both calls take many tokens at once, so a herd of tokens costs one round trip each way, not one per token.
 */
public interface CheckedSignatures {

    /** Remembers nothing: every token's signature is checked. */
    CheckedSignatures NONE = new CheckedSignatures() {
        @Override
        public Set<String> checked(Collection<String> tokens) {
            return Set.of();
        }

        @Override
        public void add(Map<String, Instant> expiresAt) {
        }
    };

    /** The tokens among {@code tokens} whose exact signature was checked and held; none when that cannot be told. */
    Set<String> checked(Collection<String> tokens);

    /** Records that the signatures of exactly these tokens held; each is forgotten once it expires. Never throws. */
    void add(Map<String, Instant> expiresAt);
}
