package jp.kodoku.platform.events.calendar;

import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * A subcommittee as the calendar needs it ({@code calendar_subcommittees}): its title for the feeds and its current
 * member organizations, whose staff see its meetings in the member view.
 */
@Document(CalendarSubcommittee.COLLECTION)
class CalendarSubcommittee extends VersionedDocument<CalendarSubcommittee> {

    static final String COLLECTION = "calendar_subcommittees";

    int number;
    String title;
    List<String> members = new ArrayList<>();
}
