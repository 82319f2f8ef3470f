package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.infra.errors.NotFound;

/** No issue of this id (answered with 404). */
public class IssueNotFound extends NotFound {

    public IssueNotFound(IssueId issueId) {
        super("no issue " + issueId.value() + " (a new one may take a moment to appear)");
    }
}
