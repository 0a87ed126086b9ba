package dev.zendo.realtimeedge.fanout

import dev.zendo.realtimeedge.connection.Connection
import io.netty.buffer.ByteBuf
import io.netty.buffer.Unpooled
import io.netty.channel.ChannelDuplexHandler
import io.netty.channel.ChannelHandlerContext
import io.netty.channel.ChannelOption
import io.netty.channel.WriteBufferWaterMark
import io.netty.channel.embedded.EmbeddedChannel
import spock.lang.Specification

/**
 * The feed's batched writes: a burst larger than the high-water mark reaches a socket that takes bytes without the
 * channel ever turning unwritable (the feed would close it as too slow), and a socket that takes nothing still does.
 */
class LoopWritesSpec extends Specification {

    static final int LOW = 16 * 1024, HIGH = 32 * 1024

    def 'a burst of #frames frames of #size bytes (#total bytes against a high-water mark of 32768) reaches a reading socket in order, never unwritable'() {
        given:
        def socket = new Socket(true)

        when:
        def channel = burst(socket, frames, size)

        then:
        socket.unwritable == 0
        channel.isWritable()
        List<ByteBuf> sent = (1..frames).collect { channel.readOutbound() as ByteBuf }
        sent*.getInt(0) == (1..frames).toList()
        sent*.readableBytes().sum() == total

        cleanup:
        sent?.each { it.release() }
        channel.finishAndReleaseAll()

        where:
        frames | size
        10     | 1_000
        100    | 1_000
        500    | 700
        40     | 4_096
        3      | 20_000
        total = frames * size
    }

    def 'a socket that takes no bytes turns the channel unwritable once what it holds passes the high-water mark'() {
        given:
        def socket = new Socket(false)

        when:
        def channel = burst(socket, 100, 1_000)

        then:
        socket.unwritable == 1
        !channel.isWritable()

        cleanup:
        channel.close()
        channel.finishAndReleaseAll()
    }

    /** A channel ending in {@code socket} after the feed's batched writes of {@code frames} frames of {@code size} bytes. */
    private static EmbeddedChannel burst(Socket socket, int frames, int size) {
        def channel = new EmbeddedChannel(socket)
        channel.config().setOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(LOW, HIGH))
        def writes = new LoopWrites()
        def connection = new Connection(channel, 1, 'https://example.test', System.nanoTime(), 10)
        (1..frames).each { writes.add(connection, frame(it, size)) }
        writes.submit()
        channel.runPendingTasks()
        channel
    }

    private static ByteBuf frame(int index, int size) {
        Unpooled.directBuffer(size).writeInt(index).writeZero(size - 4)
    }

    /** The socket end of the pipeline: counts the channel turning unwritable, and passes flushes on only if it reads. */
    static final class Socket extends ChannelDuplexHandler {

        final boolean reads
        int unwritable

        Socket(boolean reads) {
            this.reads = reads
        }

        @Override
        void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (!ctx.channel().isWritable()) {
                unwritable++
            }
            ctx.fireChannelWritabilityChanged()
        }

        @Override
        void flush(ChannelHandlerContext ctx) {
            if (reads) {
                ctx.flush()
            }
        }
    }
}
