package dev.zendo.bench.load;

import java.io.IOException;

/** The server's live memory after a full GC: heap plus the buffers it keeps outside the heap (Netty direct, Node external). */
interface HeapProbe {

    long liveBytes() throws IOException, InterruptedException;
}
