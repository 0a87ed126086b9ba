package dev.zendo.realtimeedge.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The edge's meters: connections, subscriptions and websites held, frames in and out, slow consumers dropped, Kafka
 * lag, Netty's direct memory, and the age of events at delivery ({@code occurred_at} to the write).
 */
@Singleton
public class EdgeMetrics {

    private final MeterRegistry registry;
    private final Counter framesIn;
    private final Counter framesOut;
    private final Counter slowConsumers;
    private final Timer eventAge;

    EdgeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.framesIn = Counter.builder("zendo.realtime.frames.in").description("Frames received from clients").register(registry);
        this.framesOut = Counter.builder("zendo.realtime.frames.out").description("Event frames written to clients").register(registry);
        this.slowConsumers = Counter.builder("zendo.realtime.slow.consumers")
                .description("Clients closed with 4408 because their outbound buffer passed the high-water mark").register(registry);
        this.eventAge = Timer.builder("zendo.realtime.event.age").description("From an event's occurred_at to its write to a client")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(1)).register(registry);
        if (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider allocator) {
            Gauge.builder("zendo.realtime.netty.direct.memory", () -> allocator.metric().usedDirectMemory()).baseUnit("bytes")
                    .description("Direct memory held by Netty's allocator (socket buffers, frames in flight)").register(registry);
        }
    }

    /** Registers a gauge read from {@code value}. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    public void frameIn() {
        framesIn.increment();
    }

    /** {@code count} event frames were written. */
    public void framesOut(int count) {
        framesOut.increment(count);
    }

    public void slowConsumer() {
        slowConsumers.increment();
    }

    /** An event that happened {@code ageMillis} ago was written to {@code count} clients. */
    public void delivered(long ageMillis, int count) {
        Duration age = Duration.ofMillis(Math.max(0, ageMillis));
        for (int i = 0; i < count; i++) {
            eventAge.record(age);
        }
    }
}
