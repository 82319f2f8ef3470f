package jp.kodoku.platform.gateway.pages;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sign-in for the web pages: OpenID Connect authorization code with PKCE against the realm's public client
 * {@code platform-web}. The endpoints are written out from the issuer rather than discovered, so the platform starts
 * while Keycloak is still starting (as the API does: its keys are fetched on first use).
 */
@Configuration(proxyBeanMethods = false)
public class SignIn {

    /** The registration id: the sign-in path is {@code /oauth2/authorization/keycloak}. */
    public static final String REGISTRATION = "keycloak";
    public static final String SIGN_IN_PATH = "/oauth2/authorization/" + REGISTRATION;

    @Bean
    ClientRegistrationRepository clientRegistrations(@Value("${platform.security.issuer-uri}") String issuer,
                                                     @Value("${platform.security.jwk-set-uri}") String jwkSetUri,
                                                     @Value("${platform.web.client-id}") String clientId) {
        String oidc = issuer + "/protocol/openid-connect";
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientName("Keycloak")
                .clientId(clientId)
                // a public client: no secret on the platform, PKCE instead (PagesSecurityConfiguration asks for it)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(issuer)
                .authorizationUri(oidc + "/auth")
                .tokenUri(oidc + "/token")
                .userInfoUri(oidc + "/userinfo")
                .jwkSetUri(jwkSetUri)
                .userNameAttributeName("preferred_username")
                // RP-initiated logout: signing out of the pages ends the Keycloak session too
                .providerConfigurationMetadata(Map.of("end_session_endpoint", oidc + "/logout"))
                .build());
    }

    /**
     * Who signed in, with the rights the API would give the same person: the realm roles and the organization are
     * read from the access token, checked by the API's own decoder (signature, issuer, audience {@code platform-api}),
     * so a page never grants more than the API does.
     */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers(JwtDecoder apiTokens) {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            Jwt access = apiTokens.decode(request.getAccessToken().getTokenValue());
            List<GrantedAuthority> authorities = new ArrayList<>();
            if (access.getClaims().get("realm_access") instanceof Map<?, ?> realm
                    && realm.get("roles") instanceof List<?> roles) {
                roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            }
            Map<String, Object> claims = new HashMap<>();
            if (user.getUserInfo() != null) {
                claims.putAll(user.getUserInfo().getClaims());
            }
            claims.put("sub", access.getSubject());
            String organization = access.getClaimAsString("organization_id");
            if (organization != null) {
                claims.put("organization_id", organization);
            } else {
                claims.remove("organization_id");
            }
            // the subcommittee a chair runs (ADR 0022): pages check it as the API checks the bearer token's claim
            String subcommittee = access.getClaimAsString("subcommittee_id");
            if (subcommittee != null) {
                claims.put("subcommittee_id", subcommittee);
            } else {
                claims.remove("subcommittee_id");
            }
            return new DefaultOidcUser(authorities, user.getIdToken(), new OidcUserInfo(claims), "preferred_username");
        };
    }
}
