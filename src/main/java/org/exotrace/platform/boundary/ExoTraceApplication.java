package org.exotrace.platform.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import java.util.Map;

/**
 * The REST API under {@code /api}, secured by MicroProfile JWT bearer tokens. A CDI bean, so that
 * Payara's MP-JWT extension sees {@code @LoginConfig} under annotated bean discovery.
 */
@ApplicationScoped
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"NURSE", "INVENTORY", "QA", "INTEGRATION", "ADMIN"})
@OpenAPIDefinition(
        info = @Info(title = "ExoTrace", version = "0.1",
                description = "Inventory, QC release and bedside lot tracking of exosome vials. "
                        + "Errors are application/problem+json (RFC 9457) with a stable 'code'. Each operation names the roles that may"
                        + " call it in x-roles and requires the bearer token (POST /api/auth/token answers one) unless x-roles is []."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class ExoTraceApplication extends Application {

    /**
     * Jersey answers {@code OPTIONS} with a WADL document of the resources that names its own version, to anyone and
     * without a token: off, in both applications, so {@code OPTIONS} lists the allowed methods only ({@code Allow}).
     */
    public static final Map<String, Object> PROPERTIES = Map.of("jersey.config.server.wadl.disableWadl", true);

    @Override
    public Map<String, Object> getProperties() {
        return PROPERTIES;
    }
}
