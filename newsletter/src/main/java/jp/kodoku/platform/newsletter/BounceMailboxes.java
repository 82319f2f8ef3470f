package jp.kodoku.platform.newsletter;

import java.util.Optional;

/**
 * The newsletter's two incoming addresses and how to read them: the envelope sender that delivery status
 * notifications return to, and List-Unsubscribe's {@code mailto:}. An account is empty when there is no IMAP server
 * to read (no host configured and no embedded mail server): the addresses are still used, nothing is read.
 */
public record BounceMailboxes(String bounceAddress, String unsubscribeAddress, Optional<Account> bounces,
                              Optional<Account> unsubscribes) {

    /** One IMAP mailbox. */
    public record Account(String protocol, String host, int port, String user, String password, String folder) {

        @Override
        public String toString() {
            return protocol + "://" + user + "@" + host + ":" + port + "/" + folder;
        }
    }
}
