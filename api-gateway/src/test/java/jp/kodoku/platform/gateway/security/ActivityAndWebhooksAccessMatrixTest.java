package jp.kodoku.platform.gateway.security;

import java.util.List;
import java.util.stream.Stream;

/** The access matrix's rows for the activity feed and webhooks (see {@link AccessMatrixTest}). */
class ActivityAndWebhooksAccessMatrixTest extends AccessMatrixTest {

    @Override
    List<Endpoint> rows() {
        return Stream.of(activityEndpoints(), webhookEndpoints()).flatMap(List::stream).toList();
    }
}
