package org.jsupermin.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One comparable line per path ("type mode uid:gid size sha256 -> target") read from a directory
 * tree or from tar members, to check that an output holds what a package manager installed.
 */
public final class RootListing {

    private RootListing() {
    }

    /** The given absolute paths under {@code root}, not following a final symlink; "missing" when absent. */
    public static Map<String, String> of(Path root, Collection<String> paths) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String path : paths) {
            Path p = root.resolve(path.substring(1));
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                out.put(path, "missing");
                continue;
            }
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int gid = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
            if (Files.isSymbolicLink(p)) {
                out.put(path, describe('l', 0777, uid, gid, null, Files.readSymbolicLink(p).toString()));
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                out.put(path, describe('d', mode, uid, gid, null, null));
            } else {
                out.put(path, describe('-', mode, uid, gid, Files.readAllBytes(p), null));
            }
        }
        return out;
    }

    /** The given absolute paths among tar members ("./usr/bin/x", "usr/bin/" and "/usr" all match). */
    public static Map<String, String> of(Iterable<RawTarReader.Member> members, Collection<String> paths) {
        Map<String, RawTarReader.Member> byPath = new TreeMap<>();
        for (RawTarReader.Member m : members) {
            String name = m.name().replaceFirst("^\\./", "").replaceFirst("^/", "").replaceFirst("/$", "");
            byPath.put("/" + name, m);
        }
        Map<String, String> out = new TreeMap<>();
        for (String path : paths) {
            RawTarReader.Member m = byPath.get(path);
            if (m == null) {
                out.put(path, "missing");
            } else if (m.type() == '2') {
                out.put(path, describe('l', 0777, (int) m.uid(), (int) m.gid(), null, m.linkName()));
            } else if (m.type() == '5') {
                out.put(path, describe('d', m.mode(), (int) m.uid(), (int) m.gid(), null, null));
            } else if (m.type() == '0' || m.type() == '\0') {
                out.put(path, "- " + Integer.toOctalString(m.mode() & 07777) + " " + m.uid() + ":" + m.gid()
                        + " " + m.size() + " " + m.sha256());
            } else {
                out.put(path, "type " + m.type() + " " + Integer.toOctalString(m.mode() & 07777));
            }
        }
        return out;
    }

    /** One line; {@code content} null except for regular files, {@code target} only for symlinks. */
    public static String describe(char type, int mode, int uid, int gid, byte[] content, String target) {
        String s = type + " " + Integer.toOctalString(mode & 07777) + " " + uid + ":" + gid;
        if (content != null) {
            s += " " + content.length + " " + sha256(content);
        }
        if (target != null) {
            s += " -> " + target;
        }
        return s;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
