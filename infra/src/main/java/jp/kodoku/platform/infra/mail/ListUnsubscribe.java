package jp.kodoku.platform.infra.mail;

/**
 * The unsubscribe headers of a bulk mail (RFC 2369, RFC 8058): {@code List-Unsubscribe: <oneClickUrl>, <mailto>} and
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}. The URL carries a per-recipient unguessable token and
 * must unsubscribe on a POST with no page and no sign-in (RFC 8058 §3.1).
 *
 * @param oneClickUrl an https URL
 * @param mailto      a {@code mailto:} URI, or null
 */
public record ListUnsubscribe(String oneClickUrl, String mailto) {

    public ListUnsubscribe {
        if (oneClickUrl == null || !oneClickUrl.startsWith("https://") && !oneClickUrl.startsWith("http://localhost")) {
            throw new IllegalArgumentException("List-Unsubscribe needs an https URL (RFC 8058): " + oneClickUrl);
        }
        if (mailto != null && !mailto.startsWith("mailto:")) {
            throw new IllegalArgumentException("not a mailto URI: " + mailto);
        }
        for (String part : new String[]{oneClickUrl, mailto}) {
            if (part != null && part.chars().anyMatch(c -> c < 0x21 || c == '<' || c == '>' || c == ',' || c > 0x7e)) {
                throw new IllegalArgumentException("an unsubscribe URI must be plain ASCII without spaces, <, > or ,");
            }
        }
    }

    public String header() {
        return mailto == null ? "<" + oneClickUrl + ">" : "<" + oneClickUrl + ">, <" + mailto + ">";
    }
}
