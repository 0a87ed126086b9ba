package dev.zendo.identity;

import dev.zendo.platform.startup.ServiceLauncher;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Entry point of the identity service. */
@OpenAPIDefinition(info = @Info(title = "Zendo identity", version = "v1",
        description = "Agents and credentials: sign-up, login, access and refresh tokens, JWKS."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class IdentityApplication {

    private IdentityApplication() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run("identity", IdentityApplication.class, args);
    }
}
