package org.jsupermin.packages.dpkg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Whether an installed conffile is still byte-for-byte the one its package shipped (dpkg's md5sum). */
final class PristineCheck {

    private PristineCheck() {
    }

    /** True when {@code file} is a regular file whose md5 equals {@code recordedMd5}. */
    static boolean unchanged(Path file, String recordedMd5) {
        if (recordedMd5 == null || recordedMd5.length() != 32 || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] buf = new byte[16384];
            for (int n; (n = in.read(buf)) > 0; ) {
                md5.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md5.digest()).equalsIgnoreCase(recordedMd5);
        } catch (IOException | NoSuchAlgorithmException e) {
            return false;
        }
    }
}
