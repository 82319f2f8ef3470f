package jp.kodoku.platform.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import jp.kodoku.platform.gateway.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published API description (/v3/api-docs) is a contract a generated client can trust: every operation named,
 * typed and with the problems it can give in the one problem shape, and every example valid. Nothing is generated
 * here; the document itself is checked, so a new endpoint that breaks the contract fails this test.
 */
class ApiDescriptionTest extends ApiTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static final String PROBLEM = "#/components/schemas/Problem";

    private JsonNode doc;

    @BeforeEach
    void description() {
        doc = api.get("/v3/api-docs").send().json();
    }

    @Test
    void every_operation_has_a_unique_operation_id_made_of_its_resource_and_action() {
        Map<String, String> ids = new LinkedHashMap<>();
        eachOperation((where, operation) -> {
            String id = operation.path("operationId").asText(null);
            assertThat(id).as(where).isNotNull().matches("[a-z][A-Za-z]+");
            String before = ids.put(id, where);
            assertThat(before).as("operationId %s of %s is also that of %s", id, where, before).isNull();
        });
        assertThat(ids).containsEntry("organizationsApprove", "post /api/v1/organizations/{id}/approval")
                       .containsEntry("directoryOne", "get /api/v1/directory/{organizationId}")
                       .containsEntry("applicationsStatus", "get /api/v1/applications/access/{token}")
                       .containsEntry("statisticsMembers", "get /api/v1/statistics/members")
                       .hasSizeGreaterThanOrEqualTo(34);
    }

    @Test
    void every_operation_answers_a_typed_success_and_at_least_one_problem_in_the_one_problem_shape() {
        eachOperation((where, operation) -> {
            List<String> successes = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            operation.get("responses").fields().forEachRemaining(response -> {
                String code = response.getKey();
                JsonNode content = response.getValue().path("content");
                if (code.startsWith("2")) {
                    successes.add(code);
                    if (content.has("text/csv")) {
                        // a download: the file is the answer, described as text
                        assertThat(names(content)).as(where + " " + code).containsExactly("text/csv");
                        assertThat(content.at("/text~1csv/schema/type").asText()).as(where + " " + code).isEqualTo("string");
                    } else if (content.has("text/calendar")) {
                        // an iCalendar file (the events portal), likewise
                        assertThat(names(content)).as(where + " " + code).containsExactly("text/calendar");
                        assertThat(content.at("/text~1calendar/schema/type").asText()).as(where + " " + code).isEqualTo("string");
                    } else if (content.has("application/atom+xml") || content.has("application/feed+json")) {
                        // a feed file (the activity feed: Atom, JSON Feed), likewise
                        assertThat(names(content)).as(where + " " + code).hasSize(1);
                        assertThat(content.elements().next().at("/schema/type").asText()).as(where + " " + code)
                                .isEqualTo("string");
                    } else if (!code.equals("202") && !code.equals("204")) {
                        assertThat(names(content)).as(where + " " + code).containsExactly("application/json");
                        assertThat(typed(content.get("application/json").get("schema"))).as(where + " " + code).isTrue();
                    }
                } else {
                    problems.add(code);
                    assertThat(names(content)).as(where + " " + code).containsExactly("application/problem+json");
                    assertThat(content.get("application/problem+json").get("schema").path("$ref").asText())
                            .as(where + " " + code).isEqualTo(PROBLEM);
                }
            });
            assertThat(successes).as(where).hasSize(1);
            assertThat(problems).as(where).anyMatch(code -> code.startsWith("4"));
        });
        assertThat(doc.toString()).doesNotContain("*/*");
    }

    @Test
    void the_problem_schema_has_the_rfc_9457_members_and_the_field_errors() {
        JsonNode problem = doc.at("/components/schemas/Problem");
        assertThat(names(problem.get("properties"))).contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(problem.at("/properties/errors/items/$ref").asText()).isEqualTo("#/components/schemas/FieldError");
        assertThat(names(doc.at("/components/schemas/FieldError/properties"))).containsExactly("field", "message");
    }

    @Test
    void creations_answer_201_with_location_and_etag_and_nothing_else_claims_201_without_them() {
        Map<String, String> created = new LinkedHashMap<>();
        eachOperation((where, operation) -> {
            JsonNode createdResponse = operation.at("/responses/201");
            if (!createdResponse.isMissingNode()) {
                created.put(operation.get("operationId").asText(), where);
                assertThat(names(createdResponse.get("headers"))).as(where).contains("Location", "ETag");
            }
        });
        assertThat(created.keySet()).containsExactlyInAnyOrder("applicationsSubmit", "organizationsAddContact",
                "organizationAdminsInvite", "apiClientsRegister", "subcommitteesCreate", "datePollsOpen", "datePollsAddSlot",
                "eventsCreate", "eventsPropose", "eventRegistrationsRegister", "eventRegistrationsRegisterPublicly",
                "agendaAdd", "deliverablesRecord", "webhookSubscriptionsSubscribe", "issuesCreate", "issuesAddItem",
                "newsletterProposalsPropose", "newsletterProposalsAddEventItem");
        assertThat(names(operation("post", "/api/v1/admin/projections/{name}/rebuild").get("responses")))
                .contains("202").doesNotContain("200");
    }

    @Test
    void the_problems_listed_are_those_the_endpoint_can_give() {
        // a secured conditional write with a body: everything
        assertThat(codes("patch", "/api/v1/organizations/{id}/profile"))
                .containsExactly("200", "400", "401", "403", "404", "409", "412", "428", "429");
        // If-Match optional: no 428
        assertThat(codes("post", "/api/v1/organizations/{id}/suspension"))
                .containsExactly("200", "400", "401", "403", "404", "409", "412", "429");
        // public, no token involved; rate-limited per address, idempotent by key
        assertThat(codes("post", "/api/v1/applications")).containsExactly("201", "400", "409", "422", "429");
        assertThat(codes("get", "/api/v1/directory/{organizationId}")).containsExactly("200", "400", "404");
        assertThat(codes("get", "/api/v1/statistics/members")).containsExactly("200", "400");
        assertThat(codes("get", "/api/v1/statistics/members.csv")).containsExactly("200", "400");
        assertThat(codes("get", "/api/v1/organizations.csv")).containsExactly("200", "400", "401", "403", "429");
        assertThat(codes("post", "/api/v1/api-clients")).contains("201", "400", "401", "403", "409", "502");
    }

    @Test
    void writes_describe_if_match_as_a_header_and_no_expected_version_parameter() {
        JsonNode patchProfile = operation("patch", "/api/v1/organizations/{id}/profile").get("parameters");
        JsonNode revokeClient = operation("delete", "/api/v1/api-clients/{clientId}").get("parameters");

        for (JsonNode parameters : List.of(patchProfile, revokeClient)) {
            assertThat(parameters(parameters)).contains("header If-Match").doesNotContain("query expectedVersion");
        }
        assertThat(parameter(patchProfile, "If-Match").get("required").asBoolean()).isTrue();
        assertThat(parameter(revokeClient, "If-Match").path("required").asBoolean()).isFalse();
        assertThat(names(operation("patch", "/api/v1/organizations/{id}/profile").at("/responses/200/headers")))
                .contains("ETag");
    }

    @Test
    void the_idempotency_key_is_described_with_its_rule() {
        JsonNode key = parameter(operation("post", "/api/v1/applications").get("parameters"), "Idempotency-Key");
        assertThat(key.get("in").asText()).isEqualTo("header");
        assertThat(key.get("description").asText()).contains("24 hours");
        assertThat(key.at("/schema/maxLength").asInt()).isEqualTo(200);
    }

    @Test
    void every_example_validates_against_its_schema() {
        String uri = "https://kodoku-platform.example/v3/api-docs";
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(uri, doc.toString()))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        tools.jackson.databind.ObjectMapper json3 = new tools.jackson.databind.ObjectMapper();
        List<String> checked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        eachExample(doc, "", false, (schemaPointer, example) -> {
            List<Error> errors = registry.getSchema(SchemaLocation.of(uri + "#" + schemaPointer))
                                         .validate(json3.readTree(example.toString()));
            checked.add(schemaPointer);
            errors.forEach(e -> failures.add(schemaPointer + ": " + example + " → " + e));
        });
        assertThat(failures).isEmpty();
        // the request bodies, parameters, problem responses and record properties that carry examples
        assertThat(checked).hasSizeGreaterThan(40)
                           .anyMatch(p -> p.startsWith("/paths/~1api~1v1~1directory/get/parameters"))
                           .anyMatch(p -> p.startsWith("/paths/~1api~1v1~1applications/post/requestBody"));
    }

    // ---- walking the document ---------------------------------------------------------------------------------------

    private void eachOperation(BiConsumer<String, JsonNode> check) {
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) {
                check.accept(method.getKey() + " " + path.getKey(), method.getValue());
            }
        }));
    }

    /**
     * Every example with the pointer of the schema it must satisfy: those of parameters, media types and headers
     * (beside their {@code schema}), and those inside schemas ({@code example}, {@code examples}).
     */
    private static void eachExample(JsonNode node, String pointer, boolean inSchema, BiConsumer<String, JsonNode> found) {
        if (!node.isObject()) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    eachExample(node.get(i), pointer + "/" + i, true, found);
                }
            }
            return;
        }
        if (node.path("schema").isObject()) {
            if (node.has("example")) {
                found.accept(pointer + "/schema", node.get("example"));
            }
            node.path("examples").forEach(example -> {
                if (example.has("value")) {
                    found.accept(pointer + "/schema", example.get("value"));
                }
            });
        }
        if (inSchema) {
            if (node.has("example")) {
                found.accept(pointer, node.get("example"));
            }
            if (node.path("examples").isArray()) {
                node.get("examples").forEach(example -> found.accept(pointer, example));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (Set.of("example", "examples", "default", "enum", "const").contains(key)) {
                continue;
            }
            String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
            boolean schemaBelow = inSchema || key.equals("schema") || pointer.equals("/components/schemas");
            eachExample(field.getValue(), child, schemaBelow, found);
        }
    }

    /** A response schema a client can decode into a type: a named schema, or a list or map of one, or a scalar. */
    private static boolean typed(JsonNode schema) {
        if (schema == null) {
            return false;
        }
        if (schema.has("$ref")) {
            return true;
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText();
        return switch (type) {
            case "array" -> typed(schema.get("items"));
            case "object" -> schema.has("properties") || typed(schema.get("additionalProperties"))
                    || schema.path("additionalProperties").isObject() && schema.get("additionalProperties").has("type");
            case "string", "integer", "number", "boolean" -> true;
            default -> false;
        };
    }

    private JsonNode operation(String method, String path) {
        return doc.get("paths").get(path).get(method);
    }

    private List<String> codes(String method, String path) {
        return names(operation(method, path).get("responses"));
    }

    private static JsonNode parameter(JsonNode parameters, String name) {
        for (JsonNode parameter : parameters) {
            if (parameter.get("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + parameters);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        if (object != null) {
            object.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static List<String> parameters(JsonNode parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.get("in").asText() + " " + p.get("name").asText()));
        return names;
    }
}
