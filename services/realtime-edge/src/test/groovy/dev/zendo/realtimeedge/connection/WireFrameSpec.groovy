package dev.zendo.realtimeedge.connection

import io.netty.buffer.ByteBuf
import io.netty.buffer.Unpooled
import io.netty.channel.embedded.EmbeddedChannel
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder
import spock.lang.Specification

import java.nio.charset.StandardCharsets

/** A frame encoded once for many sockets is exactly what a WebSocket client decodes, for every length encoding. */
class WireFrameSpec extends Specification {

    def 'a #length-byte text frame encodes with a #header-byte header and decodes to the same text'() {
        given:
        String text = 'é' * (length.intdiv(2)) + 'x' * (length % 2)
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8)
        def frame = new TextWebSocketFrame(Unpooled.buffer(utf8.length).writeBytes(utf8))

        when:
        ByteBuf wire = WireFrame.of(frame)
        int bytes = wire.readableBytes()
        def client = new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 1 << 20))
        client.writeInbound(wire)
        TextWebSocketFrame decoded = client.readInbound()

        then:
        frame.refCnt() == 0
        bytes == header + length
        decoded.isFinalFragment()
        utf8.length == length
        decoded.text() == text

        cleanup:
        decoded?.release()
        client?.finishAndReleaseAll()

        where:
        length | header
        0      | 2
        125    | 2
        126    | 4
        65535  | 4
        65536  | 10
    }
}
