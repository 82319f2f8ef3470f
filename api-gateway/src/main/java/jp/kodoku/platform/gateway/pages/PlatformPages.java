package jp.kodoku.platform.gateway.pages;

import org.springframework.web.bind.annotation.GetMapping;

/** The pages of the layer itself, not of any module. */
@PageController
class PlatformPages {

    @GetMapping("/sign-in-failed")
    String signInFailed() {
        return "sign-in-failed";
    }
}
