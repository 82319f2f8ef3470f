package jp.kodoku.platform.gateway.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.web.ProblemHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.io.IOException;

/**
 * A path nothing answers: for a page, the container's 404, which Boot renders from templates/error/404.html in the
 * pages' filter chain (so the header still knows who is signed in); for the API, the problem document it always was.
 * No controller is involved, so {@link PageErrors} (for page controllers only) never sees this.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownPages {

    private final ProblemHandler problems;

    UnknownPages(ProblemHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> notFound(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response,
                                    WebRequest web) throws Exception {
        if (PagesSecurityConfiguration.isPage(request)) {
            response.sendError(404);
            return null;
        }
        return problems.handleException(e, web);
    }
}
