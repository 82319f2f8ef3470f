package jp.kodoku.platform.events.event;

import jp.kodoku.platform.events.api.EventId;

/**
 * Gives symposiums their numbers (第1回, 第2回 …): in the order they are published, each number once, never reused (a
 * cancelled symposium keeps its number). A rule over every symposium, so it cannot live in one event aggregate; it
 * lives in a table of the system-of-record database, written in the transaction that publishes (ADR 0025).
 */
public interface SymposiumNumbers {

    /** The symposium's number: the one it holds already, else the next. */
    int assign(EventId symposium);
}
