package jp.kodoku.platform.gateway.events;

import jp.kodoku.platform.gateway.feedtokens.FeedKind;
import jp.kodoku.platform.gateway.feedtokens.FeedOwner;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.subcommittees.api.FindSubcommittee;
import jp.kodoku.platform.subcommittees.api.SubcommitteeDetails;
import jp.kodoku.platform.subcommittees.api.SubcommitteeId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The calendar feeds a personal token may open (gateway.feedtokens): the owner's unified calendar, and all of one
 * subcommittee's meetings. Both are served by {@link CalendarController} at {@code /api/v1/calendar/feeds/{token}.ics}.
 */
@Configuration(proxyBeanMethods = false)
class CalendarFeeds {

    static final String PERSONAL = "calendar";
    static final String SUBCOMMITTEE_MEETINGS = "subcommittee-meetings";
    static final Pattern SUBCOMMITTEE = Pattern.compile("bunkakai-[1-9][0-9]{0,2}");

    /** The personal calendar: what its owner sees when signed in. Anyone who may hold feed tokens may have one. */
    @Bean
    FeedKind personalCalendarFeed() {
        return servedHere(PERSONAL, (owner, scope) -> {
            if (scope != null) {
                throw new InvalidInput("scope", "the personal calendar takes no scope");
            }
        });
    }

    /** A subcommittee's meetings, all of them: for its member organizations' admins, its chair and the secretariat. */
    @Bean
    FeedKind subcommitteeMeetingsFeed(Queries queries) {
        return servedHere(SUBCOMMITTEE_MEETINGS, (owner, scope) -> {
            if (scope == null || !SUBCOMMITTEE.matcher(scope).matches()) {
                throw new InvalidInput("scope", "must be the subcommittee's id, e.g. bunkakai-3");
            }
            SubcommitteeDetails subcommittee = subcommittee(queries, scope)
                    .orElseThrow(() -> new InvalidInput("scope", "no such subcommittee"));
            if (!insider(owner, subcommittee)) {
                throw new AccessDeniedException("only the subcommittee's members, its chair and the secretariat "
                        + "may subscribe to all its meetings");
            }
        });
    }

    /** A feed kind served by {@link CalendarController} at {@code /api/v1/calendar/feeds/{token}.ics}. */
    private static FeedKind servedHere(String name, BiConsumer<FeedOwner, String> checkMayIssue) {
        return new FeedKind() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String path(String token) {
                return "/api/v1/calendar/feeds/" + token + ".ics";
            }

            @Override
            public void checkMayIssue(FeedOwner owner, String scope) {
                checkMayIssue.accept(owner, scope);
            }
        };
    }

    static Optional<SubcommitteeDetails> subcommittee(Queries queries, String id) {
        return queries.optional(new FindSubcommittee(new SubcommitteeId(id)), SubcommitteeDetails.class);
    }

    /** The secretariat, the subcommittee's chair, or an admin of one of its member organizations. */
    static boolean insider(FeedOwner owner, SubcommitteeDetails subcommittee) {
        return owner.isSecretariat() || owner.chairs(subcommittee.summary().id())
                || (owner.roles().contains(Caller.MEMBER_ADMIN) && owner.organizationId() != null
                    && subcommittee.hasMember(owner.organizationId()));
    }
}
