package jp.kodoku.platform.gateway.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write's expected version, from the {@code If-Match} header ({@link IfMatchResolver}): on a {@code Long}
 * parameter, null when the header is absent. A malformed header is a 400 naming {@code If-Match}; a weak tag
 * ({@code W/"4"}) never matches, as RFC 9110 wants for If-Match (strong comparison), so it is a 412.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(in = ParameterIn.HEADER, name = "If-Match", schema = @Schema(type = "string", example = "\"3\""),
        description = "The ETag of the version you read; a stale one gets 412 and nothing changes")
public @interface IfMatch {

    /** For writes where a lost update would hurt: without the header the answer is 428. */
    boolean required() default false;
}
