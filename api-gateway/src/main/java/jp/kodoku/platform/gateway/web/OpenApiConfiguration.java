package jp.kodoku.platform.gateway.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI platformApi() {
        return new OpenAPI()
                .info(new Info().title("孤独・孤立対策官民連携プラットフォーム API").version("v1")
                                .description("Membership, directory and statistics of the national public–private "
                                        + "partnership platform on loneliness and isolation. Errors are RFC 9457 "
                                        + "problem details; writes return the new version as ETag; see docs/api.md."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token from the platform's Keycloak realm")));
    }
}
