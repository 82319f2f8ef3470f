package jp.kodoku.platform.gateway.web;

import jp.kodoku.platform.infra.errors.FieldViolation;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** RFC 9457 problem details in one shape for the whole API; {@code errors} names each bad field. */
public final class Problems {

    public static final String BASE = "https://kodoku-platform.example/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalid(List<FieldViolation> violations) {
        if (prefersJapanese()) {
            ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "入力内容に誤りがあります",
                    violations.size() == 1 ? JapaneseMessages.field(violations.get(0).field(), violations.get(0).message())
                            : violations.size() + "件の項目に誤りがあります。");
            problem.setProperty("errors", violations.stream()
                                                    .map(v -> Map.of("field", v.field(), "label", JapaneseMessages.label(v.field()),
                                                            "message", JapaneseMessages.field(v.field(), v.message())))
                                                    .toList());
            return problem;
        }
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                violations.size() == 1 ? violations.get(0).field() + " " + violations.get(0).message()
                        : violations.size() + " fields are invalid");
        problem.setProperty("errors", violations.stream()
                                                .map(v -> Map.of("field", v.field(), "message", v.message()))
                                                .toList());
        return problem;
    }

    /**
     * Whether the caller asked for Japanese ({@code Accept-Language: ja} first among its choices): then the problem's
     * title, detail and each field's message are Japanese sentences naming the field, for a client that shows them to
     * people as they are. Without the header the problem stays in English, the contract programs were written against.
     */
    public static boolean prefersJapanese() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;
        }
        String header = attributes.getRequest().getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return false;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            return !ranges.isEmpty() && ranges.get(0).getRange().toLowerCase(Locale.ROOT).startsWith("ja");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** For the places outside Spring MVC's exception handling (security filters, the container's error page). */
    public static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
