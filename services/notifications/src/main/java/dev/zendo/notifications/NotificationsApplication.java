package dev.zendo.notifications;

import dev.zendo.platform.startup.ServiceLauncher;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Entry point of the notifications service. */
@OpenAPIDefinition(info = @Info(title = "Zendo notifications", version = "v1",
        description = "Email to offline visitors and agents, transcripts, and signed webhooks with retries and a delivery log."))
public final class NotificationsApplication {

    private NotificationsApplication() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run("notifications", NotificationsApplication.class, args);
    }
}
