package jp.kodoku.platform.newsletter.archive;

import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * What the public archive knows of an issue ({@code newsletter_archive}): whether it went out to everyone, and what to
 * list it by. Its sections and items are read from the issue itself, which never changes once it has gone out.
 */
@Document("newsletter_archive")
class ArchivedIssueView extends VersionedDocument<ArchivedIssueView> {

    String subject;
    /**
     * Whether the issue's audience reaches the public subscribers (ALL or PUBLIC): then it is public once sent. An
     * issue without a chosen segment goes to everyone, so it starts true.
     */
    boolean toEveryone = true;
    Integer number;
    Instant sentAt;
    Integer fiscalYear;
    /** Sent and to everyone: in the public archive. */
    boolean published;
}
