package org.jsupermin.oci;

import java.util.regex.Pattern;

/** An image name with its tag ({@code registry.example:5000/team/base:1}), as {@code --tag} gives it. */
public final class ImageTag {

    /** The distribution reference grammar: optional registry host[:port], lowercase path components, a tag. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
                    + "|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?/)?"
                    + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
                    + "(?::[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,127})?");

    private ImageTag() {
    }

    /**
     * The full name with its tag: {@code value} as given, with ":latest" added when it names no
     * tag.
     *
     * @throws OciException when it is not an image name (uppercase in the repository, a digest, blanks)
     */
    public static String normalize(String value) throws OciException {
        if (value.length() > 255 || !REFERENCE.matcher(value).matches() || value.startsWith("[")) {
            throw new OciException("--tag '" + value + "' is not an image name; give NAME:TAG such as"
                    + " base:1 or registry.example:5000/team/base:1 (lowercase name, tag of letters, digits, . _ -)");
        }
        int slash = value.lastIndexOf('/');
        return value.indexOf(':', slash + 1) < 0 ? value + ":latest" : value;
    }
}
