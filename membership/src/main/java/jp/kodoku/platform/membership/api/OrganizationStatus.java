package jp.kodoku.platform.membership.api;

public enum OrganizationStatus {
    /** 申請中: submitted, waiting for the secretariat. */
    APPLIED,
    /** 差戻し: sent back for changes; the applicant resubmits. */
    RETURNED_FOR_CHANGES,
    /** 却下 */
    REJECTED,
    /** 会員 (active member) */
    ACTIVE,
    /** 資格停止 */
    SUSPENDED,
    /** 退会 */
    WITHDRAWN
}
