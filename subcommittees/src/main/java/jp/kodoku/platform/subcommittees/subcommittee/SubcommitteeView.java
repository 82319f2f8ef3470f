package jp.kodoku.platform.subcommittees.subcommittee;

import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import jp.kodoku.platform.subcommittees.api.JoinRoute;
import jp.kodoku.platform.subcommittees.api.LeavingCause;
import jp.kodoku.platform.subcommittees.api.SubcommitteeStatus;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One subcommittee in MongoDB ({@code subcommittees}); {@code memberIds} is what "subcommittees of a member" asks. */
@Document("subcommittees")
class SubcommitteeView extends VersionedDocument<SubcommitteeView> {

    int number;
    String title;
    String theme;
    List<String> leadIds = new ArrayList<>();
    List<Member> members = new ArrayList<>();
    List<String> memberIds = new ArrayList<>();
    List<Request> requests = new ArrayList<>();
    List<Chair> chairs = new ArrayList<>();
    List<FormerMember> formerMembers = new ArrayList<>();
    SubcommitteeStatus status;
    String closedReason;

    record Member(String organizationId, JoinRoute route, Instant since) {
    }

    record Request(String organizationId, String note, Instant at) {
    }

    record Chair(String userId, String organizationId, Instant since) {
    }

    record FormerMember(String organizationId, LeavingCause cause, String reason, Instant at) {
    }
}
