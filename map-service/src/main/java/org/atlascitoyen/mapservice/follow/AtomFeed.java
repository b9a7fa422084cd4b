package org.atlascitoyen.mapservice.follow;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.atlascitoyen.mapservice.territory.TerritoryRef;

/**
 * A territory's news as an Atom feed (RFC 4287), written with the JDK's XML stream writer so that
 * every piece of text is escaped. Entries are identified by tag URIs (RFC 4151) that do not
 * change when a record is updated: a reader shows an update as the same entry, not a new one.
 */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** Before any record: the feed's date when it holds no entry. */
    private static final OffsetDateTime EPOCH = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private AtomFeed() {
    }

    /**
     * @param authority the tag URIs' authority (the service's host)
     * @param selfUrl   the feed's own address
     */
    static String write(String baseUrl, String authority, String selfUrl, TerritoryRef territory, List<String> themeLabels,
            List<TerritoryNews.Item> items) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml:lang", "fr");
            text(xml, "id", "tag:" + authority + ",2026:territory/" + territory.kind() + "/" + territory.code()
                    + (themeLabels.isEmpty() ? "" : "?theme=" + String.join(",", themeLabels)));
            text(xml, "title", "Atlas Citoyen — nouveautés : " + FollowMails.territoryName(territory)
                    + (themeLabels.isEmpty() ? "" : " (" + String.join(", ", themeLabels) + ")"));
            text(xml, "subtitle", "Acteurs, initiatives, besoins et offres, événements et retours d'expérience nouveaux ou mis à jour");
            OffsetDateTime updated = items.isEmpty() ? EPOCH : items.get(0).updatedAt();
            text(xml, "updated", date(updated));
            link(xml, "self", selfUrl, "application/atom+xml");
            link(xml, "alternate", baseUrl + "/#territory=" + territory.kind() + ":" + territory.code(), "text/html");
            xml.writeStartElement("author");
            text(xml, "name", "Atlas Citoyen");
            xml.writeEndElement();
            text(xml, "generator", "Atlas Citoyen");
            for (TerritoryNews.Item item : items) {
                xml.writeStartElement("entry");
                text(xml, "id", "tag:" + authority + ",2026:" + item.kind().table() + "/" + item.id());
                text(xml, "title", item.name());
                text(xml, "updated", date(item.updatedAt()));
                text(xml, "published", date(item.createdAt()));
                link(xml, "alternate", FollowMails.atlasLink(baseUrl, item.kind(), item.id()), "text/html");
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", item.kind().path());
                xml.writeAttribute("label", item.kind().title());
                if (item.summary() != null) {
                    xml.writeStartElement("summary");
                    xml.writeAttribute("type", "text");
                    xml.writeCharacters(clean(item.summary()));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the feed", e);
        }
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static String date(OffsetDateTime instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.withOffsetSameInstant(ZoneOffset.UTC).withNano(0));
    }

    /** XML 1.0 cannot hold most control characters, even escaped: they are dropped. */
    private static String clean(String value) {
        return value == null ? "" : value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }
}
