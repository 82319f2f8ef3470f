package jp.kodoku.platform.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jp.kodoku.platform.infra.errors.FieldViolation;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests refused before any controller sees them answer in the API's one problem shape too: those the security
 * firewall rejects (a header value that is not visible ASCII or Latin-1, {@code %2F} or {@code ;} in a path), those
 * Tomcat refuses while parsing (raw {@code []{}} in a query, headers or a request line over the limit, an invalid URI),
 * and whatever else reaches the servlet container's error page. Nothing of these was changed by the request.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    private static final Pattern HEADER = Pattern.compile("header(?: name)?: \"([^\"]*)\"");

    /** The firewall refuses a path or query when the request enters the filters, a header when it is first read. */
    @Bean
    RequestRejectedHandler problemRequestRejected(ObjectMapper json) {
        return (request, response, e) -> Problems.write(json, response, problem(e));
    }

    static ProblemDetail problem(RequestRejectedException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher header = HEADER.matcher(message);
        if (header.find()) {
            return Problems.invalid(List.of(new FieldViolation(header.group(1).strip(),
                    "must be visible ASCII (header values are not decoded as UTF-8)")));
        }
        return Problems.invalid(List.of(new FieldViolation("url",
                "contains characters or encoded characters the platform does not accept (e.g. %2F, %00, %25, ; or //)")));
    }

    /**
     * What Tomcat refuses itself never reaches Spring; its host's error report valve would answer with an HTML page.
     * Ordered last so that it replaces the valve Boot configures too.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new ProblemErrorReports();
    }

    private static final class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE;
            }

            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    var pipeline = context.getParent().getPipeline();
                    for (Valve valve : pipeline.getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            pipeline.removeValve(valve);
                        }
                    }
                    pipeline.addValve(new ProblemReportValve());
                    if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                        host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    }
                });
            }
    }

    /** Tomcat's error report valve, writing a problem instead of a page (nothing of the server's details). */
    public static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getOutputStream().write(containerProblem(status).getBytes(StandardCharsets.UTF_8));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client has gone, or the response was already under way: nothing more can be said
            }
        }
    }

    /** Written by hand: the valve runs outside Spring, without the application's mapper. */
    static String containerProblem(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String type = status == 400 ? "invalid-request" : status == 404 ? "not-found"
                : status >= 500 ? "internal-error" : "request-rejected";
        String detail = status == 400
                ? "the request could not be read: its request line, a header or the URL is malformed or too long"
                : title;
        String errors = status == 400 ? ",\"errors\":[{\"field\":\"request\",\"message\":\"" + detail + "\"}]" : "";
        return "{\"type\":\"" + Problems.BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"" + errors + "}";
    }

    /**
     * The container's error page ({@code /error}): what a servlet or filter refused with {@code sendError}, or an
     * exception no handler caught. Replaces Boot's JSON, which has neither the problem shape nor its media type.
     */
    @io.swagger.v3.oas.annotations.Hidden // the container's, not part of the API's contract
    @RestController
    static class ProblemErrorController implements ErrorController {

        @RequestMapping("/error")
        ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer i ? i : 500;
            Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            ProblemDetail problem;
            if (exception instanceof Throwable t && rejection(t) instanceof RequestRejectedException r) {
                problem = problem(r);
            } else if (status == 400) {
                problem = Problems.invalid(List.of(new FieldViolation("request", "could not be read")));
            } else {
                HttpStatus known = HttpStatus.resolve(status);
                problem = Problems.of(known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known,
                        status == 404 ? "not-found" : status >= 500 ? "internal-error" : "request-rejected",
                        known == null ? "Error" : known.getReasonPhrase(),
                        status == 404 ? "nothing is served at this address" : status >= 500
                                ? "the request failed; quote the X-Correlation-Id header of this response to the secretariat"
                                : "the request was refused");
            }
            problem.setInstance(null);
            return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }

        /**
         * The same for a page asked by a browser (Accept: text/html, not under /api): the Japanese error page of its
         * status (templates/error/403.html, 404.html, 500.html) rather than the problem's JSON, which a person cannot
         * read. A page's own failures are answered by the pages' handlers before; this is what the container passes on
         * (Spring Security's 403 with sendError, a 404 nothing answered). Issue 11: a chair whose term ended saw JSON.
         */
        @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
        org.springframework.web.servlet.ModelAndView page(HttpServletRequest request) {
            ResponseEntity<ProblemDetail> problem = error(request);
            int status = problem.getStatusCode().value();
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (uri instanceof String path && (path.equals("/api") || path.startsWith("/api/"))) {
                org.springframework.web.servlet.View json = (model, req, res) -> {
                    res.setStatus(status);
                    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    res.setCharacterEncoding("UTF-8");
                    res.getOutputStream().write(new ObjectMapper().findAndRegisterModules().writeValueAsBytes(problem.getBody()));
                };
                return new org.springframework.web.servlet.ModelAndView(json);
            }
            String view = status == 403 || status == 404 ? "error/" + status : status >= 500 ? "error/500" : "error";
            org.springframework.web.servlet.ModelAndView page = new org.springframework.web.servlet.ModelAndView(view,
                    HttpStatus.valueOf(status));
            page.addObject("status", status);
            page.addObject("heading", status == 400 ? "入力内容に誤りがあります" : "このページを表示できません");
            page.addObject("detail", "リンクをたどり直すか、トップページからお探しください。");
            return page;
        }

        private static Throwable rejection(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof RequestRejectedException) {
                    return c;
                }
            }
            return null;
        }
    }
}
