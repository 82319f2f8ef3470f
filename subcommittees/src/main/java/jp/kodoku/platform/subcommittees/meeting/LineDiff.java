package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.subcommittees.api.MinutesComparison.Change;
import jp.kodoku.platform.subcommittees.api.MinutesComparison.Line;

import java.util.ArrayList;
import java.util.List;

/**
 * Two texts compared line by line, as a reader of minutes wants it: the lines both keep, and what was removed and
 * added between them. The common beginning and end are set aside first (a revision usually changes a few lines in the
 * middle); the rest is a longest common subsequence. Past {@link #MAX_CELLS} cells the middle is shown as removed and
 * added whole rather than spending the memory (minutes are at most 100,000 characters).
 */
final class LineDiff {

    static final long MAX_CELLS = 4_000_000;

    private LineDiff() {
    }

    static List<Line> of(String before, String after) {
        String[] a = before.split("\r?\n", -1);
        String[] b = after.split("\r?\n", -1);
        int head = 0;
        while (head < a.length && head < b.length && a[head].equals(b[head])) {
            head++;
        }
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
            tail++;
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            lines.add(new Line(Change.SAME, a[i]));
        }
        middle(a, head, a.length - tail, b, head, b.length - tail, lines);
        for (int i = a.length - tail; i < a.length; i++) {
            lines.add(new Line(Change.SAME, a[i]));
        }
        return lines;
    }

    private static void middle(String[] a, int aFrom, int aTo, String[] b, int bFrom, int bTo, List<Line> lines) {
        int n = aTo - aFrom;
        int m = bTo - bFrom;
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            for (int i = aFrom; i < aTo; i++) {
                lines.add(new Line(Change.REMOVED, a[i]));
            }
            for (int j = bFrom; j < bTo; j++) {
                lines.add(new Line(Change.ADDED, b[j]));
            }
            return;
        }
        // common[i][j]: the longest common subsequence of a's lines from i and b's lines from j
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a[aFrom + i].equals(b[bFrom + j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[aFrom + i].equals(b[bFrom + j])) {
                lines.add(new Line(Change.SAME, a[aFrom + i]));
                i++;
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                lines.add(new Line(Change.REMOVED, a[aFrom + i])); // what went comes before what replaced it
                i++;
            } else {
                lines.add(new Line(Change.ADDED, b[bFrom + j]));
                j++;
            }
        }
    }
}
