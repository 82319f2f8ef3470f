package jp.kodoku.platform.gateway.security;

import java.util.List;
import java.util.stream.Stream;

/** The access matrix's rows for the events portal and its calendar feeds (see {@link AccessMatrixTest}). */
class EventsAccessMatrixTest extends AccessMatrixTest {

    @Override
    List<Endpoint> rows() {
        return Stream.of(eventEndpoints(), feedEndpoints()).flatMap(List::stream).toList();
    }
}
