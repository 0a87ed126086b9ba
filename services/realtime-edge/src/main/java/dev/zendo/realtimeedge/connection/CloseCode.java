package dev.zendo.realtimeedge.connection;

/** The edge's WebSocket close codes (docs/protocol.md, "Close codes"). */
public enum CloseCode {
    IDLE(4000, "idle"),
    DRAINING(4001, "node draining"),
    PROTOCOL(4400, "protocol violation"),
    UNAUTHORIZED(4401, "bad or expired credentials"),
    FORBIDDEN(4403, "not allowed"),
    TOO_SLOW(4408, "too slow"),
    RATE_LIMITED(4429, "rate limited");

    private final int code;
    private final String reason;

    CloseCode(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    /** The status code of the close frame. */
    public int code() {
        return code;
    }

    /** The reason text of the close frame. */
    public String reason() {
        return reason;
    }
}
