package org.jsupermin.packaging;

/**
 * What both packages of jsupermin say about themselves; {@code version} is the Maven version with
 * any "-" turned into "~" (a pre-release sorts before the release in dpkg and rpm).
 */
public record PackageMetadata(String name, String version, String maintainer, String summary,
        String description, long timestampMillis) {

    /** The version of supermin whose command line jsupermin provides. */
    public static final String PROVIDES_SUPERMIN = "5.2.2";

    /** The metadata for the Maven project version, description and output timestamp. */
    public static PackageMetadata of(String mavenVersion, String description, long timestampMillis) {
        return new PackageMetadata("jsupermin", mavenVersion.replace('-', '~'), "jsupermin developers",
                "tool for building supermin appliances, chroots, ext2 images and base images",
                description, timestampMillis);
    }

    /** The long description, in lines of at most 72 characters. */
    public String longDescription() {
        String text = description + ". A drop-in replacement for supermin 5: `supermin --prepare` records the "
                + "packages an appliance needs; `supermin --build` expands it from the host's installed packages "
                + "into a chroot, a bootable ext2 appliance (kernel, initrd, root) or a tar archive for docker import.";
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : text.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > 72) {
                out.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }
}
