package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.infra.errors.NotFound;

/** The issue has no item of this id (answered with 404). */
public class ItemNotFound extends NotFound {

    public ItemNotFound(ItemId itemId) {
        super("the issue has no item " + itemId.value());
    }
}
