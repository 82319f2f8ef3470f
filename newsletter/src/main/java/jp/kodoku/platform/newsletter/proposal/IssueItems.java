package jp.kodoku.platform.newsletter.proposal;

import jp.kodoku.platform.newsletter.api.IssueId;
import jp.kodoku.platform.newsletter.api.ItemContent;
import jp.kodoku.platform.newsletter.api.ItemId;

/** Where an accepted proposal goes: an item added to a draft issue, which refuses it if the issue is not a draft. */
public interface IssueItems {

    void add(IssueId issueId, ItemId itemId, String sectionKey, ItemContent content);
}
