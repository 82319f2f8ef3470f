package jp.kodoku.platform.gateway.security;

import java.util.List;
import java.util.stream.Stream;

/** The access matrix's rows for membership: organizations, applications, contacts, admins, API clients (see {@link AccessMatrixTest}). */
class MembershipAccessMatrixTest extends AccessMatrixTest {

    @Override
    List<Endpoint> rows() {
        return Stream.of(membershipEndpoints(), applicationEndpoints()).flatMap(List::stream).toList();
    }
}
