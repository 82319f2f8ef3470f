package jp.kodoku.platform.gateway.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import jp.kodoku.platform.gateway.idempotency.IdempotencyKeyReused;
import jp.kodoku.platform.gateway.ratelimit.TooManyRequests;
import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.membership.api.DuplicateOrganization;
import jp.kodoku.platform.membership.api.FieldViolation;
import jp.kodoku.platform.membership.api.InvalidMembershipInput;
import jp.kodoku.platform.membership.api.MembershipRuleViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem: 400 naming each bad field, 404, 409 for rules and duplicates, 412 for
 * a stale If-Match, 428 when If-Match is required but missing. Nothing is changed by a request that fails.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidMembershipInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidMembershipInput e) {
        return respond(Problems.invalid(e.violations()));
    }

    @ExceptionHandler(DuplicateOrganization.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateOrganization e) {
        ProblemDetail p = Problems.of(HttpStatus.CONFLICT, "duplicate-organization", "Organization already registered",
                e.getMessage());
        p.setProperty("field", "profile." + e.field());
        p.setProperty("existingOrganizationId", e.existingId().value());
        p.setProperty("existingOrganizationName", e.existingName());
        return respond(p);
    }

    @ExceptionHandler(MembershipRuleViolation.class)
    ResponseEntity<ProblemDetail> rule(MembershipRuleViolation e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "rule-violation", "Not allowed in the current state",
                e.getMessage()));
    }

    @ExceptionHandler(PersonalDataVault.SubjectErasedException.class)
    ResponseEntity<ProblemDetail> erased(PersonalDataVault.SubjectErasedException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "personal-data-erased", "Personal data erased", e.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such organization"));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> stale(ConflictingAggregateVersionException e) {
        ProblemDetail p = Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Changed since you read it",
                "the organization is now at version " + e.getActualVersion() + ", not " + e.getExpectedVersion()
                        + "; read it again and reapply your change");
        p.setProperty("currentVersion", e.getActualVersion());
        return respond(p);
    }

    /** Another node changed the same organization at the same moment, twice in a row (the first time is retried). */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "concurrent-change", "Changed at the same moment",
                "another request changed this at the same moment; read it again and reapply your change"));
    }

    @ExceptionHandler(Versions.PreconditionRequired.class)
    ResponseEntity<ProblemDetail> preconditionRequired(Versions.PreconditionRequired e) {
        ProblemDetail p = Problems.of(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "If-Match required",
                e.getMessage());
        p.setProperty("errors", List.of(java.util.Map.of("field", "If-Match", "message", "is required")));
        return respond(p);
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReused e) {
        ProblemDetail p = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                "Idempotency-Key reused", e.getMessage());
        p.setProperty("errors", List.of(java.util.Map.of("field", "Idempotency-Key", "message", e.getMessage())));
        return respond(p);
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequests e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                             .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                             .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                                     e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        return respond(Problems.invalid(e.getConstraintViolations().stream()
                                         .map(v -> new FieldViolation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                                         .toList()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = e.getBindingResult().getFieldErrors().stream()
                                           .map(f -> new FieldViolation(f.getField(), f.getDefaultMessage()))
                                           .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(violations));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldViolation> violations = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldViolation(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(violations));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(describe(e.getCause()))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(
                new FieldViolation(e.getParameterName(), "is required"))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return respond(Problems.invalid(List.of(new FieldViolation(e.getHeaderName(), "is required"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String allowed = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? " (one of " + Arrays.stream(e.getRequiredType().getEnumConstants()).map(String::valueOf)
                                      .collect(Collectors.joining(", ")) + ")" : "";
        return respond(Problems.invalid(List.of(new FieldViolation(e.getName(),
                "'" + e.getValue() + "' is not a valid value" + allowed))));
    }

    /** A body bound by hand (the merge patch) fails the same way as one bound by Spring MVC. */
    @ExceptionHandler(JsonMappingException.class)
    ResponseEntity<ProblemDetail> badJson(JsonMappingException e) {
        return respond(Problems.invalid(List.of(describe(e))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request failed; quote the X-Correlation-Id header of this response to the secretariat"));
    }

    private static FieldViolation describe(Throwable cause) {
        if (cause instanceof JsonMappingException m && m.getCause() instanceof JsonParseException p) {
            cause = p; // truncated or broken JSON deep inside the body: the body is at fault, not a field
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            return new FieldViolation(path(u), "is not a known field");
        }
        if (cause instanceof InvalidFormatException f) {
            String allowed = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "; one of " + Arrays.stream(f.getTargetType().getEnumConstants()).map(String::valueOf)
                                          .collect(Collectors.joining(", ")) : "";
            return new FieldViolation(path(f), "'" + f.getValue() + "' is not a valid value" + allowed);
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return new FieldViolation(path(m), "has the wrong type: expected " + simpleType(m.getTargetType()));
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return new FieldViolation(path(m), m.getOriginalMessage());
        }
        if (cause instanceof JsonParseException p) {
            return new FieldViolation("body", "is not well-formed JSON (line " + p.getLocation().getLineNr()
                    + ", column " + p.getLocation().getColumnNr() + ")");
        }
        return new FieldViolation("body", "is missing or not readable JSON");
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
