package jp.kodoku.platform.newsletter.issue;

import jp.kodoku.platform.newsletter.api.IssueId;

/**
 * Gives issues their numbers (第1号, 第2号 …) in the order they start going out, each number once and never reused:
 * a rule over every issue, kept in a table of the system-of-record database and written in the transaction that
 * starts the sending (ADR 0026, the pattern of ADR 0025).
 */
public interface IssueNumbers {

    /** The issue's number: the one it holds already, else the next. */
    int assign(IssueId issue);
}
