package dev.zendo.realtimeedge.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The edge's WebSocket server.
 *
 * @param port             TCP port of the {@code /ws} endpoint (0: any free port)
 * @param maxFrameSize     largest client frame in bytes (else 4400)
 * @param writeBufferLow   outbound bytes below which a channel is writable again
 * @param writeBufferHigh  outbound bytes above which a client is too slow and is closed (4408)
 * @param originCheck      whether visitors' {@code Origin} must be one of their website's allowed origins
 * @param nativeTransport  whether to use Linux epoll when the platform has it (less memory per socket than NIO)
 */
@Context
@ConfigurationProperties("zendo.realtime.ws")
public record WsSettings(
        @Min(0) @Max(65_535) int port,
        @Min(256) @Max(1_048_576) int maxFrameSize,
        @Min(1024) int writeBufferLow,
        @Min(2048) int writeBufferHigh,
        boolean originCheck,
        boolean nativeTransport) {

    public WsSettings {
        if (writeBufferHigh <= writeBufferLow) {
            throw new IllegalArgumentException("zendo.realtime.ws.write-buffer-high (" + writeBufferHigh
                    + ") must be above write-buffer-low (" + writeBufferLow + ")");
        }
    }
}
