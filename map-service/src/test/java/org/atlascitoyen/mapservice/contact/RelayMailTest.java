package org.atlascitoyen.mapservice.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.atlascitoyen.mapservice.system.BadParameterException;
import org.junit.jupiter.api.Test;

class RelayMailTest {

    @Test
    void theHtmlPartEscapesEveryTextAndKeepsLineBreaksWhileTheTextPartKeepsItAsWritten() {
        RelayMail mail = RelayMail.subject("Un message pour « <i>x</i> »\r\nBcc: someone@example.org")
                .paragraph("Léa <b>vous</b> écrit")
                .quote("<script>alert(1)</script>\nligne 2")
                .link("Ne plus recevoir", "https://atlas.example/relais-desactiver.html#a\"b")
                .footer("Pourquoi & comment")
                .build();
        assertThat(mail.subject()).doesNotContain("\r", "\n");
        assertThat(mail.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;\nligne 2", "Léa &lt;b&gt;vous&lt;/b&gt;",
                "#a&quot;b", "Pourquoi &amp; comment").doesNotContain("<script>", "<b>");
        assertThat(mail.text()).contains("<script>alert(1)</script>\nligne 2", "Ne plus recevoir :\nhttps://atlas.example/");
    }

    @Test
    void senderAddressesAreCheckedAndNormalised() {
        assertThat(ContactService.email("  Zoe@Example.ORG ")).isEqualTo("zoe@example.org");
        for (String bad : new String[] {"", "zoe", "zoe@example", "a@b.c\r\nBcc: x@y.z", "a b@c.d", "<a@b.c>"}) {
            assertThatThrownBy(() -> ContactService.email(bad)).as(bad).isInstanceOf(BadParameterException.class);
        }
    }
}
