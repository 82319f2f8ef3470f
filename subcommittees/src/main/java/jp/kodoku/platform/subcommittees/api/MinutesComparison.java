package jp.kodoku.platform.subcommittees.api;

import java.util.List;

/** What changed from one revision to another, line by line: the lines of both in order, each kept, removed or added. */
public record MinutesComparison(int from, int to, List<Line> lines) {

    public enum Change {
        SAME, REMOVED, ADDED
    }

    public record Line(Change change, String text) {
    }
}
