package jp.kodoku.platform.membership.organization;

/** Hands out member numbers (会員番号), never the same twice. */
public interface MemberNumbers {
    int next();
}
