package org.jsupermin.ext2;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts a POSIX ACL from the xattr interface form (version 2, 8-byte entries) to the ext2
 * on-disk form (version 1, 4-byte entries for the owner, group, mask and other entries).
 */
final class PosixAcl {

    private static final int USER = 0x02;
    private static final int GROUP = 0x08;

    private PosixAcl() {
    }

    static byte[] toDisk(byte[] value, String name) throws Ext2Exception {
        ByteBuffer in = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        if (value.length < 4 || (value.length - 4) % 8 != 0 || in.getInt(0) != 2) {
            throw new Ext2Exception("extended attribute " + name + " is not a version 2 POSIX ACL");
        }
        ByteBuffer out = ByteBuffer.allocate(value.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(1);
        for (int i = 4; i < value.length; i += 8) {
            int tag = in.getShort(i) & 0xffff;
            out.putShort((short) tag);
            out.putShort(in.getShort(i + 2));
            if (tag == USER || tag == GROUP) {
                out.putInt(in.getInt(i + 4));
            }
        }
        byte[] result = new byte[out.position()];
        out.flip().get(result);
        return result;
    }
}
