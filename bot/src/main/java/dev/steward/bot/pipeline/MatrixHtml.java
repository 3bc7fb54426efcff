package dev.steward.bot.pipeline;

import java.util.Set;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Markdown (what models write) as the {@code org.matrix.custom.html} Matrix clients show. Raw HTML in the text is
 * escaped, never passed through: a model's answer must not be able to inject markup. Link targets are sanitised, and
 * images become links, because Matrix HTML only displays {@code mxc://} images (spec: "m.room.message msgtypes").
 */
public final class MatrixHtml {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            // In chat a line break is meant: Element renders the plain body the same way.
            .softbreak("<br />")
            .nodeRendererFactory(ImageAsLink::new)
            .build();

    private MatrixHtml() {}

    public static String render(String markdown) {
        return RENDERER.render(PARSER.parse(markdown)).strip();
    }

    private static final class ImageAsLink implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        ImageAsLink(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            String target = image.getDestination();
            boolean web = target.startsWith("https://") || target.startsWith("http://");
            if (web) {
                html.tag("a", java.util.Map.of("href", context.encodeUrl(target)));
            }
            Node child = image.getFirstChild();
            if (child == null) {
                html.text(image.getDestination());
            }
            while (child != null) {
                context.render(child);
                child = child.getNext();
            }
            if (web) {
                html.tag("/a");
            }
        }
    }
}
