package dev.zendo.conversations.agent;

import dev.zendo.platform.http.ApiError;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The documented answers of resolving and of closing a conversation's thread. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "200", description = "The conversation after the change")
@ApiResponse(responseCode = "400", description = "invalid_request: reason is too long",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "403", description = "forbidden: the role may not, or the conversation is not the agent's",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "404", description = "not_found: no such website or conversation, or the caller is not a member",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "409", description = "thread_closed or no_thread", content = @Content(schema = @Schema(implementation = ApiError.class)))
@interface EndingResponses {
}
