package dev.zendo.realtimeedge.auth;

import java.time.Instant;

/** Who a connection authenticated as, until when. */
public sealed interface Credentials permits AgentCredentials, VisitorCredentials {

    /** The token's subject: the agent id or the visitor id; renewals must keep it. */
    String subject();

    /** When the credentials lapse unless renewed. */
    Instant expiresAt();
}
