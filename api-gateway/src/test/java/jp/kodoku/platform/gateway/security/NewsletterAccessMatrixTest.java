package jp.kodoku.platform.gateway.security;

import java.util.List;
import java.util.stream.Stream;

/** The access matrix's rows for the newsletter: subscriptions, members' proposals and issues (see {@link AccessMatrixTest}). */
class NewsletterAccessMatrixTest extends AccessMatrixTest {

    @Override
    List<Endpoint> rows() {
        return Stream.of(newsletterEndpoints(), newsletterProposalEndpoints(), newsletterIssueEndpoints()).flatMap(List::stream).toList();
    }
}
