package jp.kodoku.platform.gateway.clients.api;

import java.util.List;

/**
 * Event: a third-party app was registered. Never carries its secret (the platform does not keep it). Published
 * contract: never change its shape.
 *
 * @param scopes         sorted, without duplicates
 * @param allowedOrigins normalized ({@code scheme://host[:port]}, lower case), sorted, without duplicates
 */
public record ApiClientRegistered(ApiClientId clientId, String name, String organizationId, List<String> scopes,
                                  List<String> allowedOrigins, int ratePerMinute) {
}
