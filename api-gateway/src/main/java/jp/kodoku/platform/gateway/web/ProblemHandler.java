package jp.kodoku.platform.gateway.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import jp.kodoku.platform.gateway.idempotency.IdempotencyKeyReused;
import jp.kodoku.platform.gateway.ratelimit.TooManyRequests;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.errors.RuleViolation;
import jp.kodoku.platform.infra.errors.StaleVersion;
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
 * a stale If-Match, 428 when If-Match is required but missing. Nothing is changed by a request that fails. Domain
 * failures arrive as the shared types of {@code infra.errors}, which every module's exceptions extend; this class
 * knows no module.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e) {
        return respond(Problems.invalid(e.violations()));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> rule(RuleViolation e) {
        ProblemDetail p = Problems.of(HttpStatus.CONFLICT, e.type(), e.title(), e.getMessage());
        e.facts().forEach(p::setProperty);
        return respond(p);
    }

    @ExceptionHandler(CsvUpload.PayloadTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(CsvUpload.PayloadTooLarge e) {
        ProblemDetail p = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
                e.getMessage());
        p.setProperty("errors", List.of(java.util.Map.of("field", "body", "message", e.getMessage())));
        return respond(p);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(StaleVersion.class)
    ResponseEntity<ProblemDetail> stale(StaleVersion e) {
        ProblemDetail p = Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Changed since you read it",
                e.getMessage());
        if (e.currentVersion() != null) {
            p.setProperty("currentVersion", e.currentVersion());
        }
        return respond(p);
    }

    @ExceptionHandler(IfMatchResolver.PreconditionRequired.class)
    ResponseEntity<ProblemDetail> preconditionRequired(IfMatchResolver.PreconditionRequired e) {
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

    /**
     * A refusal inside a handler of a path anyone may call (what is public there depends on the data: minutes,
     * deliverables) is 401 for a caller without a token, as the security filters answer elsewhere, and 403 otherwise.
     */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                                 .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                                 .body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                                         "a valid bearer token from the platform's sign-in (Keycloak) is required"));
        }
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()));
    }

    /** A file over the multipart limit (the attachments' limit, docs/api.md) is refused before it reaches a handler. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String message = "a file has at most " + jp.kodoku.platform.infra.files.Attachments.MAX_BYTES + " bytes (10 MiB)";
        ProblemDetail p = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large", message);
        p.setProperty("errors", List.of(java.util.Map.of("field", "file", "message", message)));
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                             .body(p);
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

    /** The firewall checks a header when it is first read, which may be in a controller. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        return respond(RejectedRequests.problem(e));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            org.springframework.web.HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        ProblemDetail p = Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                e.getMethod() + " is not served here; allowed: " + headers.getAllow());
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers).body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            org.springframework.web.HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        ProblemDetail p = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported media type", "send the body as " + e.getSupportedMediaTypes());
        p.setProperty("errors", List.of(java.util.Map.of("field", "Content-Type", "message",
                "must be one of " + e.getSupportedMediaTypes())));
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(p);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            org.springframework.web.servlet.resource.NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "Not found", "nothing is served at this address"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request failed; quote the X-Correlation-Id header of this response to the secretariat"));
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("^Duplicate field '(.*)'");

    private static FieldViolation describe(Throwable cause) {
        String duplicate = duplicateField(cause);
        if (duplicate != null) {
            return new FieldViolation(duplicate, "is given more than once");
        }
        if (cause instanceof MismatchedInputException m && m.getPath().isEmpty()
                && m.getOriginalMessage() != null && m.getOriginalMessage().startsWith("Trailing token")) {
            return new FieldViolation("body", "has content after the JSON document");
        }
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

    /** The full path of a key given twice ({@code profile.name}), or null when that is not the failure. */
    private static String duplicateField(Throwable cause) {
        JsonMappingException around = cause instanceof JsonMappingException m ? m : null;
        Throwable parse = around != null && around.getCause() instanceof JsonParseException p ? p : cause;
        if (!(parse instanceof JsonParseException p) || p.getOriginalMessage() == null) {
            return null;
        }
        java.util.regex.Matcher name = DUPLICATE.matcher(p.getOriginalMessage());
        if (!name.find()) {
            return null;
        }
        String parent = around == null ? "body" : path(around);
        return parent.equals("body") ? name.group(1) : parent + "." + name.group(1);
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
