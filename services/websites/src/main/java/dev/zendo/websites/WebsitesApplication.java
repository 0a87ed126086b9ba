package dev.zendo.websites;

import dev.zendo.platform.startup.ServiceLauncher;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Entry point of the websites service. */
@OpenAPIDefinition(info = @Info(title = "Zendo websites", version = "v1",
        description = "Tenants and configuration: websites, widget settings, keys, members and roles, invitations, groups, canned responses, realtime tickets."))
public final class WebsitesApplication {

    private WebsitesApplication() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run("websites", WebsitesApplication.class, args);
    }
}
