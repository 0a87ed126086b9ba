package dev.zendo.conversations;

import dev.zendo.platform.startup.ServiceLauncher;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Entry point of the conversations service. */
@OpenAPIDefinition(info = @Info(title = "Zendo conversations", version = "v1",
        description = "Conversations: widget sessions, visitors, threads and messages, routing, the agents' inbox API and the server API."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token from identity")
public final class ConversationsApplication {

    private ConversationsApplication() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run("conversations", ConversationsApplication.class, args);
    }
}
