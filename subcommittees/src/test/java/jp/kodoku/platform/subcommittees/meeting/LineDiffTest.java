package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.subcommittees.api.MinutesComparison.Line;
import org.junit.jupiter.api.Test;

import static jp.kodoku.platform.subcommittees.api.MinutesComparison.Change.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Comparing two revisions of minutes line by line. */
class LineDiffTest {

    @Test
    void a_changed_line_is_shown_removed_then_added_between_the_lines_both_keep() {
        assertThat(LineDiff.of("議事録\n1. 開会\n2. 報告\n3. 閉会", "議事録\n1. 開会\n2. 連携事例の報告\n3. 閉会"))
                .containsExactly(new Line(SAME, "議事録"), new Line(SAME, "1. 開会"), new Line(REMOVED, "2. 報告"),
                        new Line(ADDED, "2. 連携事例の報告"), new Line(SAME, "3. 閉会"));
    }

    @Test
    void lines_added_and_removed_in_several_places_keep_the_common_lines_in_order() {
        assertThat(LineDiff.of("A\nB\nC\nD", "B\nC\nX\nD\nE"))
                .containsExactly(new Line(REMOVED, "A"), new Line(SAME, "B"), new Line(SAME, "C"), new Line(ADDED, "X"),
                        new Line(SAME, "D"), new Line(ADDED, "E"));
    }

    @Test
    void windows_line_ends_compare_as_line_ends() {
        assertThat(LineDiff.of("一\r\n二", "一\n二")).extracting(Line::change).containsOnly(SAME);
    }
}
