package jp.kodoku.platform.gateway.clients.registry;

import jp.kodoku.platform.gateway.clients.api.ApiClientPage;
import jp.kodoku.platform.gateway.clients.api.ApiClientSummary;
import jp.kodoku.platform.gateway.clients.api.FindApiClient;
import jp.kodoku.platform.gateway.clients.api.InvalidApiClientInput;
import jp.kodoku.platform.gateway.clients.api.ListApiClients;
import jp.kodoku.platform.infra.errors.FieldViolation;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Answers the API-client queries from the {@code api_clients} read model. */
@Component
class ApiClientQueries {

    private final MongoTemplate mongo;

    ApiClientQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    ApiClientPage handle(ListApiClients query) {
        Query find = new Query().with(Sort.by(Sort.Direction.ASC, "listKey")).limit(query.limit() + 1);
        if (query.cursor() != null) {
            find.addCriteria(Criteria.where("listKey").gt(decode(query.cursor())));
        }
        List<ApiClientView> views = mongo.find(find, ApiClientView.class);
        boolean more = views.size() > query.limit();
        List<ApiClientView> page = more ? views.subList(0, query.limit()) : views;
        String next = more ? encode(page.get(page.size() - 1).listKey) : null;
        return new ApiClientPage(page.stream().map(ApiClientView::summary).toList(), next);
    }

    @QueryHandler
    Optional<ApiClientSummary> handle(FindApiClient query) {
        return Optional.ofNullable(mongo.findById(query.clientId().value(), ApiClientView.class))
                       .map(ApiClientView::summary);
    }

    private static String encode(String listKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(listKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (key.indexOf('\u0001') != 22) {
                throw new IllegalArgumentException("not a list key");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new InvalidApiClientInput(List.of(new FieldViolation("cursor", "is not a cursor of this listing")));
        }
    }
}
