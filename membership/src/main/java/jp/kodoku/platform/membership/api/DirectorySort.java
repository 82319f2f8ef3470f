package jp.kodoku.platform.membership.api;

public enum DirectorySort {
    /** 五十音順 of the reading. */
    READING,
    /** Oldest members first. */
    JOINED_ON,
    /** Newest members first. */
    JOINED_ON_DESC
}
