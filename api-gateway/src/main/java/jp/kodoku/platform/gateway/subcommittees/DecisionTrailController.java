package jp.kodoku.platform.gateway.subcommittees;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.subcommittees.api.*;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * A subcommittee's record for anyone to read, as far as each reader may: the decision trail (meeting → minutes →
 * deliverables, by date) and its public meetings (without online URLs).
 */
@RestController
@RequestMapping("/api/v1/subcommittees/{subcommitteeId}")
@Tag(name = "Decision trail", description = "Meetings, minutes and deliverables in one ordered view")
class DecisionTrailController {

    private final Queries queries;

    DecisionTrailController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/decision-trail")
    @Operation(summary = "Each meeting by date with its minutes and the deliverables it produced. Anyone: public ones; members: all meetings, published minutes, every deliverable; the chair and the secretariat: drafts too")
    DecisionTrail trail(@PathVariable String subcommitteeId) {
        SubcommitteeDetails subcommittee = PathIds.subcommittee(queries, subcommitteeId);
        boolean insider = SubcommitteeAccess.isInsider(subcommittee);
        return queries.one(new FindDecisionTrail(PathIds.sid(subcommitteeId), insider ? Visibility.MEMBERS : Visibility.PUBLIC,
                SubcommitteeAccess.runs(subcommitteeId)), DecisionTrail.class);
    }

    @GetMapping("/public-meetings")
    @Operation(summary = "The meetings marked public, by date: title, date, times, status and venue (never the online URL)")
    List<PublicMeeting> publicMeetings(@PathVariable String subcommitteeId) {
        PathIds.subcommittee(queries, subcommitteeId);
        return queries.list(new ListPublicMeetings(PathIds.sid(subcommitteeId)), PublicMeeting.class);
    }
}
