package jp.kodoku.platform.newsletter.api;

/** What a delivery status notification (RFC 3464) says of an address: its Status class 5 or 4. */
public enum BounceKind {
    /** Status 5.x.x: the address will not work as it is (unknown mailbox, domain gone). */
    HARD,
    /** Status 4.x.x: delivery failed for now (mailbox full, server busy). */
    SOFT
}
