package org.jsupermin.packages;

/**
 * A link of an update-alternatives group: the master or a slave.
 *
 * @param name the name under {@code /etc/alternatives} ("awk", "awk.1.gz")
 * @param link the public link ("/usr/bin/awk")
 */
public record AlternativeLink(String name, String link) {
}
