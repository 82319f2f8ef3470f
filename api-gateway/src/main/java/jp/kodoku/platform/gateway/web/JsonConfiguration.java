package jp.kodoku.platform.gateway.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The API's JSON mapper: strict. Unknown fields are refused (spring.jackson settings), and so are values of the
 * wrong type that Jackson would otherwise coerce ({@code "name": 3} becoming "3", {@code "nationwide": "yes"}), a key
 * given twice (which of the two would count is a guess, and a record's creator cannot take both) and anything after
 * the document ({@code {…} xyz}: a client that sends it has lost track of its own body). Every string is held to the
 * platform's text rule ({@link CheckedText}).
 * Declared here because the event store has a mapper of its own, which would otherwise stop Boot from making this one.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    @Primary
    ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        ObjectMapper mapper = builder.createXmlMapper(false).build();
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(CheckedText.module());
        mapper.coercionConfigFor(LogicalType.Textual)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
              .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }
}
