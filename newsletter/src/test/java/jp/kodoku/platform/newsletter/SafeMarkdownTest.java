package jp.kodoku.platform.newsletter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An item's body: the safe subset of Markdown obeyed, everything else shown as text and never run. */
class SafeMarkdownTest {

    @Test
    void emphasis_links_and_lists_become_html() {
        String html = SafeMarkdown.html("**さくら**の[お知らせ](https://sakura.example.jp)\n\n- 毎週土曜日\n- 新宿区");

        assertThat(html).isEqualTo("<p><strong>さくら</strong>の<a rel=\"nofollow\" href=\"https://sakura.example.jp\">お知らせ</a></p>\n"
                + "<ul>\n<li>毎週土曜日</li>\n<li>新宿区</li>\n</ul>\n");
    }

    @Test
    void a_line_break_in_a_paragraph_stays_a_line_break() {
        assertThat(SafeMarkdown.html("一行目\n二行目")).isEqualTo("<p>一行目<br>\n二行目</p>\n");
    }

    @Test
    void raw_html_is_shown_as_text_and_never_reaches_the_page() {
        String html = SafeMarkdown.html("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> と <b onclick=\"x()\">太字</b>");

        assertThat(html).doesNotContain("<script", "<img", "<b ")
                        .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void a_javascript_link_loses_its_target() {
        assertThat(SafeMarkdown.html("[押してください](javascript:alert(1))")).doesNotContain("javascript")
                                                                        .contains("押してください");
    }

    @Test
    void an_image_is_its_alt_text() {
        assertThat(SafeMarkdown.html("![会場の写真](https://tracker.example.com/pixel.gif)"))
                .isEqualTo("<p>会場の写真</p>\n");
    }

    @Test
    void headings_and_code_blocks_are_plain_paragraphs() {
        assertThat(SafeMarkdown.html("# 見出し\n\n```\ncode\n```")).isEqualTo("<p># 見出し</p>\n<p><code>code</code></p>\n");
    }

    @Test
    void the_text_part_keeps_the_words_and_the_link() {
        String text = SafeMarkdown.text("**さくら**の[お知らせ](https://sakura.example.jp)\n\n- 毎週土曜日\n- 新宿区");

        assertThat(text).isEqualTo("さくらの\"お知らせ\" (https://sakura.example.jp)\n\n- 毎週土曜日\n- 新宿区");
    }
}
