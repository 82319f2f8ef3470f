package jp.kodoku.platform.gateway.newsletter;

import jp.kodoku.platform.newsletter.api.BounceKind;
import jp.kodoku.platform.newsletter.api.IssueStatus;
import jp.kodoku.platform.newsletter.api.ProposalStatus;
import org.springframework.stereotype.Component;

/** The newsletter's states in Japanese, for the pages ({@code @newsletterLabels} in the templates). */
@Component("newsletterLabels")
public class NewsletterLabels {

    public String proposal(ProposalStatus status) {
        return switch (status) {
            case PROPOSED -> "確認待ち";
            case DEFERRED -> "見送り（後の号で検討）";
            case ACCEPTED -> "掲載決定";
            case REJECTED -> "掲載しない";
        };
    }

    public String bounce(BounceKind kind) {
        return switch (kind) {
            case HARD -> "恒久的な不達";
            case SOFT -> "一時的な不達";
        };
    }

    public String issue(IssueStatus status) {
        return switch (status) {
            case DRAFT -> "下書き";
            case SCHEDULED -> "配信予約済み";
            case SENDING -> "配信中";
            case SENT -> "配信済み";
            case CANCELLED -> "中止";
        };
    }
}
