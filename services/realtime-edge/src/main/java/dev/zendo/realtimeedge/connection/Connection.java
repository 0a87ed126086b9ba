package dev.zendo.realtimeedge.connection;

import dev.zendo.realtimeedge.auth.AgentCredentials;
import dev.zendo.realtimeedge.auth.Credentials;
import dev.zendo.realtimeedge.auth.VisitorCredentials;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.AttributeKey;

import java.util.concurrent.TimeUnit;

/**
 * Everything the edge keeps per socket, in one small object attached to the channel: its credentials, the
 * {@code Origin} until the first {@code auth}, activity times for the sweep, the inbound token bucket and the
 * subscriptions (owned by the site feed's thread). Nothing is buffered here.
 */
public final class Connection {

    /** The channel attribute holding a socket's connection. */
    public static final AttributeKey<Connection> KEY = AttributeKey.valueOf(Connection.class, "connection");

    /** How long a client has to echo the close frame before the edge closes the connection itself. */
    static final long CLOSE_HANDSHAKE_MILLIS = 2000;

    private final Channel channel;
    private final long id;
    private final long openedAt;
    private String origin;
    private volatile Credentials credentials;
    private volatile long lastInbound;
    private volatile boolean closing;
    private volatile boolean verifying;
    private boolean lookedBack;
    private volatile Object subscriptions;
    private double tokens;
    private long refilledAt;

    /** A connection upgraded at {@code now} (nanos) from a page at {@code origin} (null when none was sent). */
    public Connection(Channel channel, long id, String origin, long now, int burst) {
        this.channel = channel;
        this.id = id;
        this.origin = origin;
        this.openedAt = now;
        this.lastInbound = now;
        this.tokens = burst;
        this.refilledAt = now;
    }

    /** The connection of a channel, null before the upgrade completed. */
    public static Connection of(Channel channel) {
        return channel.attr(KEY).get();
    }

    public Channel channel() {
        return channel;
    }

    /** Node-local id, as {@code Envelope.connection_id} names it after the node id. */
    public long id() {
        return id;
    }

    public long openedAt() {
        return openedAt;
    }

    /** The upgrade's {@code Origin}, kept only until the first {@code auth} checked it. */
    public String origin() {
        return origin;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** The agent's credentials, null for visitors and before {@code auth}. */
    public AgentCredentials agent() {
        return credentials instanceof AgentCredentials agent ? agent : null;
    }

    /** The visitor's credentials, null for agents and before {@code auth}. */
    public VisitorCredentials visitor() {
        return credentials instanceof VisitorCredentials visitor ? visitor : null;
    }

    /** Whether an {@code auth} token of this connection is being checked: the auth timeout waits for it. */
    public boolean verifying() {
        return verifying;
    }

    /** Marks that an {@code auth} token of this connection is being checked, or no longer is. */
    public void verifying(boolean verifying) {
        this.verifying = verifying;
    }

    /** Replaces the credentials (first {@code auth} or renewal) and forgets the origin. */
    public void authenticated(Credentials renewed) {
        this.credentials = renewed;
        this.origin = null;
    }

    public long lastInbound() {
        return lastInbound;
    }

    /**
     * Takes one inbound frame from the token bucket at {@code now} (nanos): false when the bucket is empty.
     * Event loop only.
     */
    public boolean admitFrame(long now, int perSecond, int burst) {
        lastInbound = now;
        tokens = Math.min(burst, tokens + (now - refilledAt) * perSecond / 1e9);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /**
     * Whether the connection may still look back through a website topic for a conversation the node has not seen:
     * true once (a visitor has one conversation per website), then false. Event loop only.
     */
    public boolean mayLookBack() {
        if (lookedBack) {
            return false;
        }
        lookedBack = true;
        return true;
    }

    /** The site feed's subscriptions of this connection (its thread only reads and writes them). */
    public Object subscriptions() {
        return subscriptions;
    }

    /** Site feed thread only. */
    public void subscriptions(Object held) {
        this.subscriptions = held;
    }

    public boolean closing() {
        return closing;
    }

    /**
     * Closes the socket with {@code code}: the close frame is the last frame written (frames after it are dropped). The
     * client's echoed close frame ends the connection (the protocol handler closes the channel on it); a client that
     * does not answer within {@link #CLOSE_HANDSHAKE_MILLIS} of the frame going out is cut off. Closing the TCP
     * connection at once would reset it while the client's frames are still arriving, and a reset makes the client
     * drop the unread close frame, so it would see an abnormal closure instead of the code. Returns false when the
     * connection was already closing.
     */
    public boolean close(CloseCode code) {
        synchronized (this) {
            if (closing) {
                return false;
            }
            closing = true;
        }
        channel.writeAndFlush(new CloseWebSocketFrame(code.code(), code.reason())).addListener(sent ->
                channel.eventLoop().schedule(() -> channel.close(), CLOSE_HANDSHAKE_MILLIS, TimeUnit.MILLISECONDS));
        return true;
    }
}
