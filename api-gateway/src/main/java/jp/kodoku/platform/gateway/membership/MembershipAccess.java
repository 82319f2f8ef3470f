package jp.kodoku.platform.gateway.membership;

import jp.kodoku.platform.gateway.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What of membership anyone may call without a token: the public directory and figures, and the membership
 * application with its private link (the link itself is the applicant's credential). Everything else needs a token,
 * and the controllers check the caller's role and organization (Access).
 */
@Configuration(proxyBeanMethods = false)
class MembershipAccess {

    @Bean
    PublicPaths membershipPublicReads() {
        return PublicPaths.get("/api/v1/directory", "/api/v1/directory/**", "/api/v1/statistics/**",
                "/api/v1/applications/access/**");
    }

    @Bean
    PublicPaths membershipApplications() {
        return PublicPaths.post("/api/v1/applications");
    }

    @Bean
    PublicPaths membershipResubmissions() {
        return PublicPaths.put("/api/v1/applications/access/**");
    }
}
