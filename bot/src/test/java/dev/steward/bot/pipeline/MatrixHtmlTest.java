package dev.steward.bot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatrixHtmlTest {
    @Test
    void markdownBecomesTheHtmlMatrixClientsShow() {
        assertThat(MatrixHtml.render("**Bold** and `code`\n\n- one\n- two"))
                .isEqualTo("<p><strong>Bold</strong> and <code>code</code></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>");
    }

    @Test
    void lineBreaksInAParagraphStayLineBreaks() {
        assertThat(MatrixHtml.render("first line\nsecond line")).isEqualTo("<p>first line<br />second line</p>");
    }

    @Test
    void htmlInTheTextIsShownAsTextNeverAsMarkup() {
        assertThat(MatrixHtml.render("<script>alert(1)</script> <b onclick=x>hi</b>"))
                .doesNotContain("<script>").doesNotContain("<b ")
                .contains("&lt;script&gt;");
    }

    @Test
    void scriptLinksAreDisarmedAndImagesBecomeLinks() {
        assertThat(MatrixHtml.render("[click](javascript:alert(1))")).doesNotContain("javascript:");
        assertThat(MatrixHtml.render("![a cat](https://example.org/cat.png)"))
                .isEqualTo("<p><a href=\"https://example.org/cat.png\">a cat</a></p>");
        assertThat(MatrixHtml.render("![x](javascript:alert(1))")).doesNotContain("javascript").doesNotContain("<img");
    }
}
