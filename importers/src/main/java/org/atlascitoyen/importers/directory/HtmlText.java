package org.atlascitoyen.importers.directory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The plain text of a value written in HTML, as directories export their rich-text descriptions
 * (GoGoCarto's editor writes {@code <p>}, {@code <br>}, {@code <a>} and entities): the map shows
 * and searches text, and a tag in a card is noise. Paragraphs and headings are separated by a
 * blank line, other blocks and {@code <br>} end a line, list items start with "- ", a link keeps
 * its address as text ({@code <a href="u">label</a>} is "label (u)", or "u" when the label is the
 * address), scripts and styles are dropped with their content, entities are decoded and
 * non-breaking spaces become spaces.
 *
 * <p>A value is read as HTML only when it holds a tag of an HTML element or a comment; a value
 * with entities and no tag only has them decoded, keeping its line breaks. Text that merely
 * contains {@code <} or {@code &} ("A < B & C", "R&D") is left as it is. Control characters are
 * not this step's business: {@link FieldText} removes them from every field.
 */
final class HtmlText {

    /** The elements whose tag makes a value HTML: those rich-text editors and exports write. */
    private static final Pattern TAG = Pattern.compile("<!--|</?(?:a|abbr|b|big|blockquote|br|center|code|dd|del|div|dl|dt|em"
            + "|figcaption|figure|font|h[1-6]|hr|i|iframe|img|ins|li|mark|noscript|ol|p|pre|s|script|small|span|strike|strong"
            + "|style|sub|sup|table|tbody|td|tfoot|th|thead|tr|u|ul|section|article|header|footer|nav|aside|main)(?:\\s[^<>]*)?/?>",
            Pattern.CASE_INSENSITIVE);
    /** A character reference: numeric, or a name that HTML defines (checked in {@link #hasEntity}). */
    private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|([a-zA-Z][a-zA-Z0-9]{1,31}));");
    /** Elements dropped with everything in them. */
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "head", "title", "iframe", "object");
    /** Blocks set apart by a blank line. */
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
            "figure", "dl", "hr");
    /** Blocks that start and end a line. */
    private static final Set<String> LINES = Set.of("div", "ul", "ol", "li", "tr", "dt", "dd", "section", "article", "header",
            "footer", "nav", "aside", "main", "address", "center", "figcaption", "caption", "form", "fieldset");
    private static final Pattern HTML_SPACES = Pattern.compile("[ \\t\\n\\r\\f]+");
    private static final Pattern LINE_SPACES = Pattern.compile("[ \\t\\f]+");

    private HtmlText() {
    }

    /** The text of a value: converted when it is HTML, entities decoded when it has some; null stays null. */
    static String toText(String value) {
        if (value == null || value.indexOf('<') < 0 && value.indexOf('&') < 0) {
            return value; // most values: no scan
        }
        if (isHtml(value)) {
            return convert(value);
        }
        if (hasEntity(value)) {
            return Parser.unescapeEntities(value, false).replace('\u00A0', ' ');
        }
        return value;
    }

    /** Whether the value holds a tag of an HTML element, or an HTML comment. */
    static boolean isHtml(String value) {
        return value.indexOf('<') >= 0 && TAG.matcher(value).find();
    }

    private static boolean hasEntity(String value) {
        Matcher m = ENTITY.matcher(value);
        while (m.find()) {
            if (m.group(1) == null || Entities.isNamedEntity(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    private static String convert(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        // A value that never breaks a line with a tag writes its line breaks as characters: keep them.
        boolean tagsBreakLines = body.getAllElements().stream().map(Element::normalName)
                .anyMatch(name -> name.equals("br") || PARAGRAPHS.contains(name) || LINES.contains(name));
        Writer writer = new Writer(!tagsBreakLines);
        NodeTraversor.traverse(writer, body);
        return writer.text();
    }

    /** Writes the text of the nodes it visits, tracking line starts so that breaks never pile up. */
    private static final class Writer implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        /** Where the label of each open link starts in {@link #out}. */
        private final Deque<Integer> links = new ArrayDeque<>();
        private final boolean keepLineBreaks;
        private int dropped;   // depth inside dropped elements
        private int preformatted;

        Writer(boolean keepLineBreaks) {
            this.keepLineBreaks = keepLineBreaks;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                if (dropped == 0) {
                    text(t.getWholeText());
                }
                return;
            }
            if (!(node instanceof Element e)) {
                return; // comments, doctypes
            }
            String name = e.normalName();
            if (DROPPED.contains(name)) {
                dropped++;
            } else if (dropped > 0) {
                return;
            } else if (name.equals("br")) {
                out.append('\n');
            } else if (PARAGRAPHS.contains(name)) {
                blankLine();
            } else if (LINES.contains(name)) {
                lineBreak();
            }
            if (dropped == 0 && name.equals("li")) {
                out.append("- ");
            } else if (dropped == 0 && name.equals("pre")) {
                preformatted++;
            } else if (dropped == 0 && name.equals("a")) {
                links.push(out.length());
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            String name = e.normalName();
            if (DROPPED.contains(name)) {
                dropped--;
                return;
            }
            if (dropped > 0) {
                return;
            }
            if (name.equals("a")) {
                link(e.attr("href").strip(), links.pop());
            } else if (name.equals("pre")) {
                preformatted--;
            }
            if (name.equals("td") || name.equals("th")) {
                space();
            } else if (PARAGRAPHS.contains(name)) {
                blankLine();
            } else if (LINES.contains(name)) {
                lineBreak();
            }
        }

        private void text(String text) {
            String t;
            if (preformatted > 0) {
                t = text.replace("\r\n", "\n");
            } else if (keepLineBreaks) {
                t = LINE_SPACES.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll(" ");
            } else {
                t = HTML_SPACES.matcher(text).replaceAll(" ");
            }
            t = t.replace('\u00A0', ' ');
            if (t.startsWith(" ") && (atLineStart() || endsWith(' '))) {
                t = t.substring(1);
            }
            out.append(t);
        }

        /** "label (address)", or the address alone when the label is empty or is the address. */
        private void link(String href, int labelStart) {
            if (href.isEmpty() || href.startsWith("#") || href.toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                return; // no address to keep
            }
            // "mailto:" and "tel:" say nothing a reader needs: the address alone is shown
            String shown = href.replaceFirst("(?i)^(mailto|tel):", "");
            String label = out.substring(labelStart).strip();
            if (label.isEmpty() || sameAddress(label, shown)) {
                out.setLength(labelStart);
                text(shown);
            } else {
                out.append(" (").append(shown).append(')');
            }
        }

        /** "www.example.org" is the address "https://www.example.org/"; case does not matter. */
        private static boolean sameAddress(String label, String address) {
            return bare(label).equalsIgnoreCase(bare(address));
        }

        private static String bare(String address) {
            String a = address.replaceFirst("(?i)^https?://", "");
            return a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        }

        private void space() {
            if (!atLineStart() && !endsWith(' ')) {
                out.append(' ');
            }
        }

        private void lineBreak() {
            trimTrailingSpaces();
            if (out.length() > 0 && !endsWith('\n')) {
                out.append('\n');
            }
        }

        private void blankLine() {
            lineBreak();
            if (out.length() > 0 && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
                out.append('\n');
            }
        }

        private void trimTrailingSpaces() {
            while (endsWith(' ')) {
                out.setLength(out.length() - 1);
            }
        }

        private boolean atLineStart() {
            return out.length() == 0 || endsWith('\n');
        }

        private boolean endsWith(char c) {
            return out.length() > 0 && out.charAt(out.length() - 1) == c;
        }

        String text() {
            return out.toString();
        }
    }
}
