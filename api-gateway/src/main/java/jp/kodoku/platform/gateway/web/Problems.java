package jp.kodoku.platform.gateway.web;

import jp.kodoku.platform.infra.errors.FieldViolation;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.List;
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
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                violations.size() == 1 ? violations.get(0).field() + " " + violations.get(0).message()
                        : violations.size() + " fields are invalid");
        problem.setProperty("errors", violations.stream()
                                                .map(v -> Map.of("field", v.field(), "message", v.message()))
                                                .toList());
        return problem;
    }

    /** For the places outside Spring MVC's exception handling (security filters, the container's error page). */
    public static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
