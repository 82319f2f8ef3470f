package jp.kodoku.platform.gateway.subcommittees;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.subcommittees.api.*;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.regex.Pattern;

/** A subcommittee's meetings (会議). So far those scheduled by a confirmed date poll. */
@RestController
@Tag(name = "Meetings", description = "会議 of a subcommittee")
@SecurityRequirement(name = "bearer")
class MeetingsController {

    private static final Pattern SUBCOMMITTEE = Pattern.compile("bunkakai-[1-9][0-9]{0,2}");

    private final Queries queries;

    MeetingsController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/subcommittees/{subcommitteeId}/meetings")
    @Operation(summary = "The subcommittee's meetings by date (its members, its chair, the secretariat)")
    List<MeetingSummary> list(@PathVariable String subcommitteeId) {
        if (!SUBCOMMITTEE.matcher(subcommitteeId).matches()) {
            throw new NotFound("no such subcommittee");
        }
        SubcommitteeId id = new SubcommitteeId(subcommitteeId);
        SubcommitteeAccess.requireInsider(queries.optional(new FindSubcommittee(id), SubcommitteeDetails.class)
                                                 .orElseThrow(() -> new NotFound("no such subcommittee")));
        return queries.list(new ListMeetings(id), MeetingSummary.class);
    }
}
