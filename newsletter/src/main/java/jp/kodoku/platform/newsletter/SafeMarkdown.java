package jp.kodoku.platform.newsletter;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Image;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An item's body, written in a small subset of Markdown, as HTML for the mail and the archive page and as plain text
 * for the mail's text part. What the subset keeps: paragraphs, line breaks, emphasis, inline code,
 * links (marked nofollow), lists and quotes.
 * Everything else is shown, not obeyed: raw HTML is escaped (so no script, event handler or style reaches a mail or
 * a page), headings, code blocks and rules are plain paragraphs (the mail's layout owns them), an image is its alt text (no
 * remote content in a mail), and a link other than http, https or mailto loses its target.
 */
public final class SafeMarkdown {

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, ListBlock.class))
            .postProcessor(SafeMarkdown::imagesAsText)
            .build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .softbreak("<br>\n")
            .build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder()
            .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS)
            .build();

    private SafeMarkdown() {
    }

    public static String html(String markdown) {
        return markdown == null ? "" : HTML.render(PARSER.parse(markdown));
    }

    public static String text(String markdown) {
        return markdown == null ? "" : TEXT.render(PARSER.parse(markdown));
    }

    private static Node imagesAsText(Node document) {
        List<Image> images = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                images.add(image);
            }
        });
        for (Image image : images) {
            StringBuilder alt = new StringBuilder();
            image.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    alt.append(text.getLiteral());
                }
            });
            image.insertBefore(new Text(alt.toString()));
            image.unlink();
        }
        return document;
    }
}
