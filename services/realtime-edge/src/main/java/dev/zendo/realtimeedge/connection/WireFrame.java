package dev.zendo.realtimeedge.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * A server text frame encoded once as the bytes that go on the wire (RFC 6455 §5.2: FIN, opcode, length, no mask),
 * for a frame the feed sends to many sockets: each socket writes a duplicate of the same buffer, which the pipeline's
 * WebSocket encoder passes through untouched, instead of encoding (and copying) the frame again per socket.
 */
public final class WireFrame {

    private static final int FIN_TEXT = 0x81;

    private WireFrame() {
    }

    /** The wire bytes of {@code frame}, which this releases. */
    public static ByteBuf of(TextWebSocketFrame frame) {
        try {
            ByteBuf payload = frame.content();
            int length = payload.readableBytes();
            int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
            ByteBuf wire = ByteBufAllocator.DEFAULT.directBuffer(header + length);
            wire.writeByte(FIN_TEXT);
            if (length < 126) {
                wire.writeByte(length);
            } else if (length <= 0xFFFF) {
                wire.writeByte(126).writeShort(length);
            } else {
                wire.writeByte(127).writeLong(length);
            }
            return wire.writeBytes(payload, payload.readerIndex(), length);
        } finally {
            frame.release();
        }
    }
}
