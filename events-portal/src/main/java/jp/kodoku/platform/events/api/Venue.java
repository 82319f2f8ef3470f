package jp.kodoku.platform.events.api;

/**
 * Where an event takes place in person.
 *
 * @param prefectureCode JIS X 0401 code, "01"–"47": what the calendar filters by
 */
public record Venue(String name, String address, String prefectureCode) {
}
