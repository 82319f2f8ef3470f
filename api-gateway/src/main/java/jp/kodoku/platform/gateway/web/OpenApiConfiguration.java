package jp.kodoku.platform.gateway.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jp.kodoku.platform.gateway.security.PublicPaths;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The published API description (/v3/api-docs), made from what each endpoint does rather than from annotations
 * repeated on every method, so a new module's controllers are described the same way with nothing to add:
 * <ul>
 *   <li>operationId: the controller's resource and the method, {@code organizationsApprove} for
 *       {@code OrganizationsController.approve}; unique as long as class names are, and stable when methods are added
 *       (springdoc's own ids are method names numbered in discovery order: {@code one_1});</li>
 *   <li>problem responses, all with the one {@code Problem} schema as {@code application/problem+json}: 400 always (a query
 *       parameter outside the endpoint's contract is refused everywhere), 401/403/429 when it needs a token (not one of the
 *       {@link PublicPaths}; API clients are rate-limited), 404 with a path variable, 409 when a write sends a command,
 *       412 with {@link IfMatch} and 428 when it is required, 422 with an Idempotency-Key;</li>
 *   <li>headers: ETag on answers that carry a version, Location on 201, the If-Match and Idempotency-Key rules.</li>
 * </ul>
 * A method states only what cannot be seen from its code: a success other than 200 (e.g. {@code 201}) and a problem
 * it alone can give, as a springdoc {@code @ApiResponse} without content; the problem schema is filled in here.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM_SCHEMA = "Problem";
    static final String FIELD_ERROR_SCHEMA = "FieldError";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Bean
    OpenAPI platformApi() {
        return new OpenAPI()
                .info(new Info().title("孤独・孤立対策官民連携プラットフォーム API").version("v1")
                                .description("Membership, directory and statistics of the national public–private "
                                        + "partnership platform on loneliness and isolation. Errors are RFC 9457 "
                                        + "problem details; writes return the new version as ETag; see docs/api.md."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("An access token from the platform's Keycloak realm")));
    }

    /** What the endpoint's Java method tells: its name, its parameters, what it answers. */
    @Bean
    OperationCustomizer describedFromTheHandler() {
        return (operation, handler) -> {
            if (!hasExplicitOperationId(handler)) {
                operation.setOperationId(operationId(handler));
            }
            List<MethodParameter> parameters = Arrays.asList(handler.getMethodParameters());
            IfMatch ifMatch = parameters.stream().map(p -> p.getParameterAnnotation(IfMatch.class))
                                        .filter(a -> a != null).findFirst().orElse(null);
            boolean hasBody = parameters.stream().anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
            boolean hasPathVariable = parameters.stream().anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
            boolean sendsCommand = ifMatch != null || hasBody;

            ApiResponses responses = operation.getResponses();
            String success = successCode(responses);
            ApiResponse ok = responses.get(success);
            if (success.equals("201")) {
                ok.addHeaderObject("Location", new Header().description("Where the new resource is")
                                                           .schema(new StringSchema().format("uri-reference")));
            }
            if (success.equals("201") || answersAVersion(handler)) {
                ok.addHeaderObject("ETag", new Header()
                        .description("The version of the resource now; send it back as If-Match to change it")
                        .schema(new StringSchema().example("\"4\"")));
            }

            // every operation: a query parameter outside its contract is refused (KnownParameters), input or not
            addProblem(responses, "400", "The request is malformed, a field is invalid or a query parameter is unknown; `errors` names each one");
            if (hasPathVariable) {
                addProblem(responses, "404", "Nothing with this id (or nothing the caller may see)");
            }
            if (sendsCommand) {
                addProblem(responses, "409", "A rule of the platform refuses the change (the type URL says which), "
                        + "or another change came first");
            }
            if (ifMatch != null) {
                addProblem(responses, "412", "If-Match names a version that is no longer the current one");
                if (ifMatch.required()) {
                    addProblem(responses, "428", "This change needs an If-Match header");
                }
            }
            if (operation.getParameters() != null) {
                for (Parameter parameter : operation.getParameters()) {
                    if ("header".equals(parameter.getIn()) && "If-Match".equals(parameter.getName()) && ifMatch != null) {
                        parameter.setRequired(ifMatch.required());
                    }
                    if ("header".equals(parameter.getIn()) && IDEMPOTENCY_KEY.equals(parameter.getName())) {
                        parameter.description("Makes a retry safe: the same key with the same body within 24 hours "
                                + "answers the first response again and creates nothing new; with another body, 422")
                                 .schema(new StringSchema().minLength(1).maxLength(200).pattern("^[!-~]{1,200}$"))
                                 .example("3f1c6f0e-8a4b-4c1e-9d52-7b0e2f6a9c10");
                        addProblem(responses, "422", "The Idempotency-Key was used before with another body");
                    }
                }
            }
            return operation;
        };
    }

    /** What the path tells: whether a token is needed; and the problem schema for every problem response. */
    @Bean
    OpenApiCustomizer describedFromThePath(List<PublicPaths> publicPaths) {
        return api -> {
            // here rather than on the OpenAPI bean, whose schemas springdoc replaces with those it finds
            api.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema())
               .addSchemas(FIELD_ERROR_SCHEMA, fieldErrorSchema());
            AntPathMatcher matcher = new AntPathMatcher();
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                boolean open = publicPaths.stream().anyMatch(p -> (p.method() == null
                        || p.method().name().equals(method.name()))
                        && p.patterns().stream().anyMatch(pattern -> matcher.match(pattern, path)));
                ApiResponses responses = operation.getResponses();
                if (open) {
                    operation.setSecurity(null);
                } else {
                    operation.setSecurity(List.of(new SecurityRequirement().addList("bearer")));
                    addProblem(responses, "401", "No valid bearer token");
                    addProblem(responses, "403", "The token's holder may not do this");
                    addProblem(responses, "429", "The API client used up its rate; wait Retry-After seconds");
                }
                responses.forEach((code, response) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        asProblem(code, response);
                    }
                });
                operation.setResponses(sorted(responses));
                conformParameterExamples(operation);
            }));
        };
    }

    // ---- the problem ------------------------------------------------------------------------------------------------

    /** One bad field of a 400 (or the header of a 422/428), in the {@code errors} of a problem. */
    private static Schema<?> fieldErrorSchema() {
        return new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field, query parameter or header at fault")
                                                        .example("profile.website"))
                .addProperty("message", new StringSchema().example("must be an https URL"))
                .required(List.of("field", "message"));
    }

    /** RFC 9457 members and the API's own {@code errors}; rules add facts of their own (e.g. currentVersion). */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem. `type` tells what went wrong for programs, `detail` for people; "
                        + "a rule may add facts of its own as further members")
                .addProperty("type", new StringSchema().format("uri")
                                                       .example(Problems.BASE + "invalid-request"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("profile.website must be an https URL"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR_SCHEMA))
                        .description("Each invalid field, with what is wrong with it"))
                .required(List.of("type", "title", "status"));
    }

    private static void addProblem(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description));
        }
    }

    private static void asProblem(String code, ApiResponse response) {
        Content content = new Content().addMediaType(PROBLEM_JSON, new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))
                .addExamples(code, new Example().value(example(code, response.getDescription()))));
        response.setContent(content);
        if (code.equals("429")) {
            response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
                                                                .schema(new IntegerSchema().minimum(BigDecimal.ZERO)));
        }
    }

    /** A problem as the API sends it for this status (the commonest type where a status has several). */
    private static Map<String, Object> example(String code, String description) {
        String[] typeAndTitle = switch (code) {
            case "400" -> new String[]{"invalid-request", "Invalid request"};
            case "401" -> new String[]{"unauthorized", "Unauthorized"};
            case "403" -> new String[]{"forbidden", "Forbidden"};
            case "404" -> new String[]{"not-found", "Not found"};
            case "409" -> new String[]{"concurrent-change", "Changed at the same moment"};
            case "412" -> new String[]{"stale-version", "Changed since you read it"};
            case "422" -> new String[]{"idempotency-key-reused", "Idempotency-Key reused"};
            case "428" -> new String[]{"if-match-required", "If-Match required"};
            case "429" -> new String[]{"rate-limited", "Too many requests"};
            case "502" -> new String[]{"identity-provider-unavailable", "Sign-in service failed"};
            default -> new String[]{"internal-error", "Internal error"};
        };
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.BASE + typeAndTitle[0]);
        problem.put("title", typeAndTitle[1]);
        problem.put("status", Integer.parseInt(code));
        problem.put("detail", description != null ? description : typeAndTitle[1]);
        if (code.equals("400")) {
            problem.put("errors", List.of(Map.of("field", "profile.website", "message", "must be an https URL")));
        }
        if (code.equals("412")) {
            problem.put("currentVersion", 5);
        }
        return problem;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static boolean hasExplicitOperationId(HandlerMethod handler) {
        var annotation = handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
        return annotation != null && !annotation.operationId().isBlank();
    }

    /** {@code OrganizationAdminsController.invite} → {@code organizationAdminsInvite}. */
    static String operationId(HandlerMethod handler) {
        String resource = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        String method = handler.getMethod().getName();
        return Character.toLowerCase(resource.charAt(0)) + resource.substring(1)
                + Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }

    /**
     * The declared success: 200 unless the method states another 2xx. springdoc still adds its default 200 from the
     * return type beside a stated 201; that one is moved onto the stated code, whose content it is.
     */
    private static String successCode(ApiResponses responses) {
        String stated = responses.keySet().stream().filter(c -> c.startsWith("2") && !c.equals("200"))
                                 .findFirst().orElse(null);
        if (stated == null) {
            return responses.containsKey("200") ? "200" : responses.keySet().iterator().next();
        }
        ApiResponse defaulted = responses.remove("200");
        ApiResponse declared = responses.get(stated);
        if (defaulted != null && declared.getContent() == null && defaulted.getContent() != null
                && !isVoid(defaulted.getContent())) {
            declared.setContent(defaulted.getContent());
        }
        return stated;
    }

    private static boolean isVoid(Content content) {
        return content.values().stream().allMatch(m -> m.getSchema() == null);
    }

    /** Every answer that is a record with a version sends the version as ETag too (see {@link Commands#write}). */
    private static boolean answersAVersion(HandlerMethod handler) {
        ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod());
        if (returned.toClass() != ResponseEntity.class) {
            return false;
        }
        Class<?> body = returned.getGeneric(0).toClass();
        return body.isRecord() && Arrays.stream(body.getRecordComponents()).anyMatch(c -> c.getName().equals("version"));
    }

    /** Numbers first, in the order a reader looks for them: success, then the problems. */
    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        sorted.setExtensions(responses.getExtensions());
        return sorted;
    }

    /**
     * An example written as text in an annotation ({@code example = "13"}) comes out typed by its look: a number
     * for a string parameter, a single value for a repeated one. Made to fit the parameter's schema here.
     */
    private static void conformParameterExamples(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            Object example = parameter.getExample();
            Schema<?> schema = parameter.getSchema();
            if (example == null || schema == null) {
                continue;
            }
            if (isType(schema, "array") && !(example instanceof List<?>)) {
                Schema<?> items = schema.getItems();
                parameter.setExample(new ArrayList<>(List.of(items != null && isType(items, "string")
                        ? String.valueOf(example) : example)));
            } else if (isType(schema, "string") && !(example instanceof String)) {
                parameter.setExample(String.valueOf(example));
            }
        }
    }

    private static boolean isType(Schema<?> schema, String type) {
        return type.equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains(type));
    }
}
