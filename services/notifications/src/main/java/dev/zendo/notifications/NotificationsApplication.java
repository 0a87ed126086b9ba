package dev.zendo.notifications;

import dev.zendo.platform.startup.ServiceLauncher;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Entry point of the notifications service. */
@OpenAPIDefinition(info = @Info(title = "Zendo notifications", version = "v1",
        description = "Notifications: mail from the platform's events (queued, retried, sent once per recipient and event), "
                + "and each website's notification log."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token from identity")
public final class NotificationsApplication {

    private NotificationsApplication() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run("notifications", NotificationsApplication.class, args);
    }
}
