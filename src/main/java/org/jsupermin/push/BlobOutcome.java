package org.jsupermin.push;

/** What became of one blob in a push. */
public enum BlobOutcome {
    /** The repository already had it: one HEAD request. */
    EXISTS,
    /** Mounted from another repository of the same registry: nothing sent. */
    MOUNTED,
    /** Sent. */
    UPLOADED
}
