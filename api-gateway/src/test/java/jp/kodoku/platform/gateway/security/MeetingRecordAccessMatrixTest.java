package jp.kodoku.platform.gateway.security;

import java.util.List;
import java.util.stream.Stream;

/** The access matrix's rows for a meeting's record: agenda, files, attendance, minutes and deliverables (see {@link AccessMatrixTest}). */
class MeetingRecordAccessMatrixTest extends AccessMatrixTest {

    @Override
    List<Endpoint> rows() {
        return Stream.of(meetingRecordEndpoints()).flatMap(List::stream).toList();
    }
}
