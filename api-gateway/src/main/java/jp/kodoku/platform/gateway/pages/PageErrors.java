package jp.kodoku.platform.gateway.pages;

import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.web.JapaneseMessages;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.errors.RuleViolation;
import jp.kodoku.platform.infra.errors.StaleVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Failures of page controllers as Japanese pages, before the API's problem handler can answer them with JSON. A page
 * that can do better (re-render a form with its errors, show a stale version beside the user's input) catches the
 * failure itself; what reaches here gets a page of its kind.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    /**
     * Left to Spring Security, which knows who is asking: an anonymous visitor is sent to sign in, a signed-in person
     * gets the 403 page.
     */
    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException e) {
        throw e;
    }

    @ExceptionHandler(NotFound.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(404);
        return "error/404";
    }

    @ExceptionHandler(StaleVersion.class)
    String stale(HttpServletResponse response, Model model) {
        response.setStatus(412);
        model.addAttribute("status", 412);
        model.addAttribute("heading", "この情報は他の方が更新しました");
        model.addAttribute("detail", "最新の内容を表示してから、もう一度操作してください。");
        return "error";
    }

    @ExceptionHandler(RuleViolation.class)
    String rule(RuleViolation e, HttpServletResponse response, Model model) {
        response.setStatus(409);
        model.addAttribute("status", 409);
        model.addAttribute("heading", "この操作は現在の状態ではできません");
        model.addAttribute("detail", JapaneseMessages.rule(e.getMessage()));
        return "error";
    }

    @ExceptionHandler(InvalidInput.class)
    String invalid(InvalidInput e, HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("heading", "入力内容に誤りがあります");
        model.addAttribute("violations", e.violations().stream()
                                              .map(v -> JapaneseMessages.field(v.field(), v.message())).toList());
        return "error";
    }

    @ExceptionHandler(jp.kodoku.platform.gateway.ratelimit.TooManyRequests.class)
    String tooMany(jp.kodoku.platform.gateway.ratelimit.TooManyRequests e, HttpServletResponse response, Model model) {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        model.addAttribute("status", 429);
        model.addAttribute("heading", "申込みが集中しています");
        model.addAttribute("detail", "この接続元からの申込みが多すぎます。約" + Math.max(1, e.retryAfterSeconds() / 60)
                + "分後にもう一度お試しください。");
        return "error";
    }

    /** A query parameter of the wrong type (an unknown category in a link someone typed). */
    @ExceptionHandler({org.springframework.beans.TypeMismatchException.class,
            org.springframework.web.bind.ServletRequestBindingException.class})
    String badRequest(Exception e, HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("heading", "アドレスの指定に誤りがあります");
        model.addAttribute("detail", "リンクをたどり直すか、トップページからお探しください。");
        return "error";
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception e, HttpServletResponse response) {
        log.error("a page failed", e);
        response.setStatus(500);
        return "error/500";
    }
}
