package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The plain text of values that sources write in HTML, and the values that only look like it. */
class HtmlTextTest {

    @Test
    void paragraphsAreSeparatedByABlankLineAndBreaksEndALine() {
        assertThat(HtmlText.toText("<p>Jardin partagé.</p><p>Ouvert le samedi<br>de 9h à 12h.</p>"))
                .isEqualTo("Jardin partagé.\n\nOuvert le samedi\nde 9h à 12h.\n\n");
        assertThat(HtmlText.toText("<h2>Horaires</h2><div>Lundi</div><div>Mardi</div>"))
                .isEqualTo("Horaires\n\nLundi\nMardi\n");
    }

    @Test
    void theSpacesOfTheSourceCollapseAsABrowserShowsThem() {
        assertThat(HtmlText.toText("<p>\n  Cantine   associative\n  et <b>jardin</b> sur le toit.\n</p>"))
                .isEqualTo("Cantine associative et jardin sur le toit.\n\n");
    }

    @Test
    void listItemsStartALineWithADash() {
        assertThat(HtmlText.toText("<p>Nous proposons :</p><ul><li>des ateliers</li><li>un <em>repair café</em></li></ul>"))
                .isEqualTo("Nous proposons :\n\n- des ateliers\n- un repair café\n");
    }

    @Test
    void aLinkKeepsItsAddressAfterItsLabel() {
        assertThat(HtmlText.toText("Voir <a href=\"https://tiers-lieux.example.org/agenda\">notre agenda</a>."))
                .isEqualTo("Voir notre agenda (https://tiers-lieux.example.org/agenda).");
    }

    @Test
    void aLinkWhoseLabelIsItsAddressIsTheAddressOnce() {
        assertThat(HtmlText.toText("<p>Site : <a href=\"https://www.example.org/\">www.example.org</a></p>"))
                .isEqualTo("Site : https://www.example.org/\n\n");
        assertThat(HtmlText.toText("<a href=\"https://example.org\">https://example.org</a> <a href=\"https://x.org\"></a>"))
                .isEqualTo("https://example.org https://x.org");
    }

    @Test
    void anEmailOrPhoneLinkShowsTheAddressWithoutItsScheme() {
        assertThat(HtmlText.toText("<a href=\"mailto:bonjour@example.org\">bonjour@example.org</a>"))
                .isEqualTo("bonjour@example.org");
        assertThat(HtmlText.toText("<a href=\"mailto:bonjour@example.org\">Écrivez-nous</a>, <a href=\"tel:+33561000000\">appelez</a>"))
                .isEqualTo("Écrivez-nous (bonjour@example.org), appelez (+33561000000)");
    }

    @Test
    void aLinkWithoutAnAddressToKeepIsItsLabel() {
        assertThat(HtmlText.toText("<a href=\"#haut\">Haut</a> <a href=\"javascript:void(0)\">Menu</a> <a>Rien</a>"))
                .isEqualTo("Haut Menu Rien");
    }

    @Test
    void entitiesAreDecodedAndNonBreakingSpacesBecomeSpaces() {
        assertThat(HtmlText.toText("<p>Caf&eacute; l&#39;&Eacute;tincelle&nbsp;: &laquo;&#xA0;ensemble&nbsp;&raquo; &amp; co</p>"))
                .isEqualTo("Café l'Étincelle : « ensemble » & co\n\n");
    }

    @Test
    void aValueWithEntitiesButNoTagIsDecodedKeepingItsLineBreaks() {
        assertThat(HtmlText.toText("L&#39;atelier v&eacute;lo\nOuvert&nbsp;le mardi"))
                .isEqualTo("L'atelier vélo\nOuvert le mardi");
    }

    @Test
    void scriptsAndStylesAreDroppedWithTheirContent() {
        assertThat(HtmlText.toText("<style>p { color: red }</style><p>Texte</p><script>alert('x')</script><!-- note -->"))
                .isEqualTo("Texte\n\n");
    }

    @Test
    void inlineHtmlWithoutBreakingTagsKeepsTheLineBreaksWrittenAsCharacters() {
        assertThat(HtmlText.toText("Horaires :\nlundi <b>9h-12h</b>\nmardi <i>fermé</i>"))
                .isEqualTo("Horaires :\nlundi 9h-12h\nmardi fermé");
    }

    @Test
    void preformattedTextKeepsItsSpacing() {
        assertThat(HtmlText.toText("<pre>lundi    9h\nmardi    10h</pre>")).isEqualTo("lundi    9h\nmardi    10h\n\n");
    }

    @Test
    void plainTextWithLessThanOrAmpersandIsLeftAsItIs() {
        for (String plain : new String[] {"A < B & C", "R&D; innovation", "Prix < 5 € & > 2 €", "x<y and z>w", "Tom & Jerry",
                "<3 le vélo", "Fiche &copy", "a <= b", "<nom@example.org>"}) {
            assertThat(HtmlText.toText(plain)).as(plain).isEqualTo(plain);
        }
    }

    @Test
    void aTagIsThatOfAnHtmlElementInAnyCase() {
        assertThat(HtmlText.isHtml("<B>Amis</B>")).isTrue();
        assertThat(HtmlText.isHtml("Ligne<br/>suivante")).isTrue();
        assertThat(HtmlText.isHtml("<p class=\"intro\">x</p>")).isTrue();
        assertThat(HtmlText.isHtml("<!-- vide -->")).isTrue();
        assertThat(HtmlText.isHtml("<Toulouse>")).isFalse();
        assertThat(HtmlText.isHtml("<pas de balise>")).isFalse();
    }

    @Test
    void nullStaysNull() {
        assertThat(HtmlText.toText(null)).isNull();
    }
}
