package jp.kodoku.platform.events.api;

/** Level of a つながりサポーター養成講座. */
public enum CourseLevel {
    /** 標準 */
    STANDARD,
    /** こども・若者向け */
    CHILDREN,
    /** 上級 */
    ADVANCED
}
