package dev.zendo.notifications;

import dev.zendo.platform.startup.ServiceLauncher;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Entry point of the notifications service. */
@OpenAPIDefinition(info = @Info(title = "Zendo notifications", version = "v1",
        description = "The notifications service's chassis: health, metrics and its database schema. Its API is not built yet."))
public final class NotificationsApplication {

    private NotificationsApplication() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run("notifications", NotificationsApplication.class, args);
    }
}
