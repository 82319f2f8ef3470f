package jp.kodoku.platform.gateway.membership;

import jp.kodoku.platform.gateway.pages.JapaneseDates;
import jp.kodoku.platform.gateway.pages.Labels;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.MemberCounts;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the statistics page's bar chart, drawn as SVG by the template (no script): for each date a group of
 * three bars, one per category. The chart is an image with a text alternative; the table beside it holds the same
 * figures for anyone who cannot see it.
 */
record MembersChart(int width, int height, List<Bar> bars, List<Label> dateLabels, List<Label> ticks, List<Line> gridLines) {

    static final int WIDTH = 720;
    static final int HEIGHT = 320;
    private static final int LEFT = 48;
    private static final int BOTTOM = 40;
    private static final int TOP = 16;

    record Bar(int x, int y, int width, int height, String cssClass, String title) {
    }

    record Label(int x, int y, String text) {
    }

    record Line(int x1, int y1, int x2, int y2) {
    }

    static MembersChart of(List<MemberCounts> series, JapaneseDates dates, Labels labels) {
        int max = 1;
        for (MemberCounts counts : series) {
            for (MemberCategory category : MemberCategory.values()) {
                max = Math.max(max, counts.byCategory().getOrDefault(category, 0));
            }
        }
        int step = niceStep(max);
        int top = ((max + step - 1) / step) * step;
        int plotHeight = HEIGHT - BOTTOM - TOP;
        int groupWidth = (WIDTH - LEFT) / Math.max(1, series.size());
        int barWidth = Math.max(4, (groupWidth - 16) / 3);
        List<Bar> bars = new ArrayList<>();
        List<Label> dateLabels = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            MemberCounts counts = series.get(i);
            int groupX = LEFT + i * groupWidth + 8;
            int c = 0;
            for (MemberCategory category : MemberCategory.values()) {
                int value = counts.byCategory().getOrDefault(category, 0);
                int h = (int) Math.round((double) value * plotHeight / top);
                bars.add(new Bar(groupX + c * barWidth, TOP + plotHeight - h, barWidth - 2, h,
                        "bar-" + category.name().toLowerCase(),
                        dates.era(counts.asOf()) + " " + labels.of(category) + " "
                                + labels.message("top.organizations", value)));
                c++;
            }
            dateLabels.add(new Label(groupX, HEIGHT - BOTTOM + 18, counts.asOf().toString()));
        }
        List<Label> ticks = new ArrayList<>();
        List<Line> grid = new ArrayList<>();
        for (int v = 0; v <= top; v += step) {
            int y = TOP + plotHeight - (int) Math.round((double) v * plotHeight / top);
            ticks.add(new Label(4, y + 4, Integer.toString(v)));
            grid.add(new Line(LEFT, y, WIDTH, y));
        }
        return new MembersChart(WIDTH, HEIGHT, bars, dateLabels, ticks, grid);
    }

    private static int niceStep(int max) {
        int[] steps = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000};
        for (int s : steps) {
            if (max / s <= 6) {
                return s;
            }
        }
        return 10000;
    }
}
