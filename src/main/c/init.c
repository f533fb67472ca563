/*
 * The initrd's /init for jsupermin's ext2 appliances.
 *
 * Runs as process 1 inside the initramfs: mounts /proc, /sys and /dev, loads the
 * kernel modules listed in /modules/load-order, finds the root disk (root= on the
 * kernel command line, or the first disk holding an ext2 superblock), mounts it on
 * /root, moves the pseudo filesystems into it, makes it the real root ("/") and
 * executes the appliance's /init.  Any fatal error is reported on the console and
 * the machine is powered off, so a qemu started with -no-reboot exits.
 *
 * Build: gcc -static -Os -Wall -Werror -o init init.c
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#define NEW_ROOT "/root"
#define MODULES_DIR "/modules"
#define EXT2_SUPER_OFFSET 1024
#define EXT2_MAGIC_OFFSET (EXT2_SUPER_OFFSET + 56)
#define EXT2_UUID_OFFSET (EXT2_SUPER_OFFSET + 104)
#define EXT2_MAGIC 0xEF53
#define WAIT_STEP_MS 100
#define WAIT_STEPS 50 /* about 5 seconds */

static int quiet;
static char cmdline[4096];

/* Writes "supermin: " + message + newline to the console in one write. */
static void vsay(const char *prefix, const char *fmt, va_list ap)
{
    char buf[1024];
    int n = snprintf(buf, sizeof buf, "supermin: %s", prefix);
    if (n < 0 || (size_t) n >= sizeof buf)
        n = 0;
    int m = vsnprintf(buf + n, sizeof buf - n - 1, fmt, ap);
    if (m < 0)
        m = 0;
    size_t len = (size_t) n + (size_t) m;
    if (len > sizeof buf - 2)
        len = sizeof buf - 2;
    buf[len++] = '\n';
    if (write(STDERR_FILENO, buf, len) < 0) {
        /* nowhere else to report it */
    }
}

/* Progress message, suppressed by "quiet" on the kernel command line. */
static void info(const char *fmt, ...)
{
    if (quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsay("", fmt, ap);
    va_end(ap);
}

/* Reports why the boot cannot go on, then powers the machine off. */
static void __attribute__((noreturn)) die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay("error: ", fmt, ap);
    va_end(ap);
    sync();
    reboot(RB_POWER_OFF);
    /* if power-off is refused, exiting process 1 makes the kernel panic (panic=-1 reboots) */
    _exit(1);
}

static void sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {
    }
}

/* Reads a whole file into a malloc'd buffer; returns NULL with errno set on failure. */
static char *slurp(const char *path, size_t *size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (buf == NULL) {
            close(fd);
            errno = ENOMEM;
            return NULL;
        }
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int saved = errno;
            free(buf);
            close(fd);
            errno = saved;
            return NULL;
        }
        if (r == 0)
            break;
        len += (size_t) r;
        if (len == cap) {
            cap *= 2;
            char *bigger = realloc(buf, cap + 1);
            if (bigger == NULL)
                free(buf);
            buf = bigger;
        }
    }
    close(fd);
    buf[len] = '\0';
    *size = len;
    return buf;
}

static void mount_or_die(const char *source, const char *target, const char *type)
{
    mkdir(target, 0755);
    if (mount(source, target, type, 0, NULL) == -1 && errno != EBUSY)
        die("mounting %s on %s: %s", type, target, strerror(errno));
}

/* Makes sure fds 0, 1 and 2 are the console (the kernel opens it only if /dev/console existed). */
static void open_console(void)
{
    if (fcntl(STDERR_FILENO, F_GETFD) != -1)
        return;
    int fd = open("/dev/console", O_RDWR | O_NOCTTY);
    if (fd < 0)
        return;
    for (int i = 0; i < 3; i++)
        if (i != fd)
            dup2(fd, i);
    if (fd > 2)
        close(fd);
}

static void read_cmdline(void)
{
    size_t len = 0;
    char *text = slurp("/proc/cmdline", &len);
    if (text == NULL)
        return;
    snprintf(cmdline, sizeof cmdline, "%s", text);
    free(text);
    cmdline[strcspn(cmdline, "\n")] = '\0';
}

/* The value of "key=" on the command line, copied into out; 0 when absent. */
static int cmdline_value(const char *key, char *out, size_t outlen)
{
    size_t keylen = strlen(key);
    const char *p = cmdline;
    while (*p) {
        while (*p == ' ')
            p++;
        size_t wordlen = strcspn(p, " ");
        if (wordlen > keylen && strncmp(p, key, keylen) == 0 && p[keylen] == '=') {
            size_t vlen = wordlen - keylen - 1;
            if (vlen >= outlen)
                vlen = outlen - 1;
            memcpy(out, p + keylen + 1, vlen);
            out[vlen] = '\0';
            return 1;
        }
        p += wordlen;
    }
    return 0;
}

static int cmdline_flag(const char *word)
{
    size_t wlen = strlen(word);
    const char *p = cmdline;
    while (*p) {
        while (*p == ' ')
            p++;
        size_t len = strcspn(p, " ");
        if (len == wlen && strncmp(p, word, wlen) == 0)
            return 1;
        p += len;
    }
    return 0;
}

static void load_module(const char *file)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", MODULES_DIR, file);
    size_t size = 0;
    char *image = slurp(path, &size);
    if (image == NULL) {
        info("reading %s: %s", path, strerror(errno));
        return;
    }
    if (syscall(SYS_init_module, image, (unsigned long) size, "") == -1 && errno != EEXIST)
        info("loading %s: %s", file, strerror(errno));
    else
        info("loaded %s", file);
    free(image);
}

static void load_modules(void)
{
    size_t size = 0;
    char *list = slurp(MODULES_DIR "/load-order", &size);
    if (list == NULL)
        return; /* an initrd without modules: everything is built in */
    for (char *line = strtok(list, "\n"); line != NULL; line = strtok(NULL, "\n"))
        if (*line != '\0' && *line != '#')
            load_module(line);
    free(list);
}

/* Reads the ext2 superblock fields of a device; returns 1 when it holds an ext2/3/4 filesystem. */
static int ext2_superblock(const char *dev, unsigned char uuid[16])
{
    int fd = open(dev, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    unsigned char sb[1024];
    ssize_t n = pread(fd, sb, sizeof sb, EXT2_SUPER_OFFSET);
    close(fd);
    if (n != (ssize_t) sizeof sb)
        return 0;
    unsigned magic = sb[EXT2_MAGIC_OFFSET - EXT2_SUPER_OFFSET]
        | (unsigned) sb[EXT2_MAGIC_OFFSET - EXT2_SUPER_OFFSET + 1] << 8;
    if (magic != EXT2_MAGIC)
        return 0;
    memcpy(uuid, sb + (EXT2_UUID_OFFSET - EXT2_SUPER_OFFSET), 16);
    return 1;
}

/* Parses "xxxxxxxx-xxxx-..." into 16 bytes; returns 0 if malformed. */
static int parse_uuid(const char *text, unsigned char out[16])
{
    int i = 0;
    for (const char *p = text; *p && i < 32; p++) {
        if (*p == '-')
            continue;
        int v;
        if (*p >= '0' && *p <= '9') v = *p - '0';
        else if (*p >= 'a' && *p <= 'f') v = *p - 'a' + 10;
        else if (*p >= 'A' && *p <= 'F') v = *p - 'A' + 10;
        else return 0;
        if (i % 2 == 0) out[i / 2] = (unsigned char) (v << 4);
        else out[i / 2] |= (unsigned char) v;
        i++;
    }
    return i == 32;
}

static int dot_entry(const char *name)
{
    return strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

/*
 * Looks through /sys/block (sorted by name) for a whole disk with an ext2 superblock,
 * matching want_uuid when it is not NULL. Writes "/dev/NAME" into out.
 */
static int scan_disks(const unsigned char *want_uuid, char *out, size_t outlen)
{
    struct dirent **names;
    int n = scandir("/sys/block", &names, NULL, alphasort);
    if (n < 0)
        return 0;
    int found = 0;
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        if (!found && !dot_entry(name) && strncmp(name, "loop", 4) != 0 && strncmp(name, "ram", 3) != 0) {
            char dev[300];
            unsigned char uuid[16];
            snprintf(dev, sizeof dev, "/dev/%s", name);
            if (ext2_superblock(dev, uuid) && (want_uuid == NULL || memcmp(uuid, want_uuid, 16) == 0)) {
                snprintf(out, outlen, "%s", dev);
                found = 1;
            }
        }
        free(names[i]);
    }
    free(names);
    return found;
}

/* Finds the root device, waiting for it to appear; dies when it never does. */
static void find_root(char *dev, size_t devlen)
{
    char spec[256];
    int have_spec = cmdline_value("root", spec, sizeof spec);
    unsigned char uuid[16];
    int by_uuid = have_spec && strncmp(spec, "UUID=", 5) == 0;
    if (by_uuid && !parse_uuid(spec + 5, uuid))
        die("root=%s: not a UUID", spec);
    for (int step = 0; step <= WAIT_STEPS; step++) {
        struct stat st;
        if (have_spec && !by_uuid) {
            if (stat(spec, &st) == 0 && S_ISBLK(st.st_mode)) {
                snprintf(dev, devlen, "%s", spec);
                return;
            }
        } else if (scan_disks(by_uuid ? uuid : NULL, dev, devlen)) {
            return;
        }
        sleep_ms(WAIT_STEP_MS);
    }
    if (have_spec)
        die("root device %s did not appear within 5 seconds (no driver for the disk?)", spec);
    die("no disk with an ext2 filesystem found in /sys/block within 5 seconds (no driver for the disk?)");
}

static void mount_root(const char *dev)
{
    mkdir(NEW_ROOT, 0755);
    static const char *const types[] = { "ext2", "ext4" };
    int err = 0;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (mount(dev, NEW_ROOT, types[i], 0, NULL) == 0) {
            info("mounted %s (%s) on %s", dev, types[i], NEW_ROOT);
            return;
        }
        err = errno;
    }
    die("mounting %s on %s as ext2 or ext4: %s", dev, NEW_ROOT, strerror(err));
}

/* Moves a pseudo filesystem into the new root, or detaches it when the root has no such dir. */
static void carry_mount(const char *path)
{
    char target[64];
    snprintf(target, sizeof target, "%s%s", NEW_ROOT, path);
    struct stat st;
    if (stat(target, &st) == 0 && S_ISDIR(st.st_mode) && mount(path, target, NULL, MS_MOVE, NULL) == 0)
        return;
    umount2(path, MNT_DETACH);
}

/* Deletes the initramfs files (in rootfs memory) below dir, staying on device rootdev. */
static void remove_tree(int dirfd, dev_t rootdev)
{
    DIR *d = fdopendir(dirfd);
    if (d == NULL) {
        close(dirfd);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (dot_entry(e->d_name))
            continue;
        struct stat st;
        if (fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == -1 || st.st_dev != rootdev)
            continue;
        if (S_ISDIR(st.st_mode)) {
            int sub = openat(dirfd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sub >= 0)
                remove_tree(sub, rootdev);
            unlinkat(dirfd, e->d_name, AT_REMOVEDIR);
        } else {
            unlinkat(dirfd, e->d_name, 0);
        }
    }
    closedir(d);
}

static void switch_root(void)
{
    struct stat rootst;
    if (stat("/", &rootst) == 0) {
        int fd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd >= 0)
            remove_tree(fd, rootst.st_dev); /* NEW_ROOT is another device: left alone */
    }
    if (chdir(NEW_ROOT) == -1)
        die("chdir %s: %s", NEW_ROOT, strerror(errno));
    if (mount(".", "/", NULL, MS_MOVE, NULL) == -1)
        die("moving %s onto /: %s", NEW_ROOT, strerror(errno));
    if (chroot(".") == -1)
        die("chroot: %s", strerror(errno));
    if (chdir("/") == -1)
        die("chdir /: %s", strerror(errno));
}

int main(int argc, char **argv)
{
    (void) argc;
    if (getpid() != 1) {
        /* never mount, switch root or power off a running system by mistake */
        fprintf(stderr, "supermin: this program is an initrd's /init and runs only as process 1\n");
        return 1;
    }
    mount_or_die("proc", "/proc", "proc");
    read_cmdline();
    quiet = cmdline_flag("quiet");
    mount_or_die("sysfs", "/sys", "sysfs");
    mount_or_die("devtmpfs", "/dev", "devtmpfs");
    open_console();
    info("starting");

    load_modules();

    char dev[300];
    find_root(dev, sizeof dev);
    mount_root(dev);

    carry_mount("/dev");
    carry_mount("/sys");
    carry_mount("/proc");
    switch_root();

    static char *const shell[] = { "/bin/sh", NULL };
    info("executing /init");
    argv[0] = "/init";
    execv("/init", argv);
    int err = errno;
    info("executing /init: %s; trying /bin/sh", strerror(err));
    execv(shell[0], shell);
    die("cannot execute /init (%s) nor /bin/sh (%s) in the appliance", strerror(err), strerror(errno));
}
