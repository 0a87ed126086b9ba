package dev.zendo.websites;

import dev.zendo.platform.startup.ServiceLauncher;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Entry point of the websites service. */
@OpenAPIDefinition(info = @Info(title = "Zendo websites", version = "v1",
        description = "Tenants and configuration: websites, widget settings, keys, members and roles, invitations, groups, canned responses, realtime tickets."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token from identity")
public final class WebsitesApplication {

    private WebsitesApplication() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run("websites", WebsitesApplication.class, args);
    }
}
