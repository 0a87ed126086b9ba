package dev.zendo.realtimeedge;

import dev.zendo.platform.startup.ServiceLauncher;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Entry point of the realtime-edge service. */
@OpenAPIDefinition(info = @Info(title = "Zendo realtime edge", version = "v1",
        description = "The realtime edge's HTTP side: health and metrics. Its WebSocket endpoint (/ws) is a separate Netty "
                + "server on REALTIME_EDGE_WS_PORT; its protocol is docs/protocol.md."))
public final class RealtimeEdgeApplication {

    private RealtimeEdgeApplication() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run("realtime-edge", RealtimeEdgeApplication.class, args);
    }
}
