package jp.kodoku.platform.gateway.security;

import java.util.List;
import java.util.stream.Stream;

/** The access matrix's rows for subcommittees: their members, chairs, date polls and meetings (see {@link AccessMatrixTest}). */
class SubcommitteesAccessMatrixTest extends AccessMatrixTest {

    @Override
    List<Endpoint> rows() {
        return Stream.of(subcommitteeEndpoints()).flatMap(List::stream).toList();
    }
}
