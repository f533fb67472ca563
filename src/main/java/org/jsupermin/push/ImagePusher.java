package org.jsupermin.push;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jsupermin.util.Reporter;

/**
 * Pushes the image of an OCI layout to a registry: its blobs (each checked with HEAD first,
 * mounted or uploaded when missing), then its manifest, then the tag, then the referrers (SBOMs)
 * the layout holds for it. The tag is written last, so a failed push leaves no tag pointing to an
 * incomplete image; a push of an image the tag already names only asks HEAD of the manifest.
 * One pusher remembers which repository received which blob, so that a second push to the same
 * registry in the same run mounts them instead of sending them again.
 */
public final class ImagePusher {

    private static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final String BASE_NAME = "org.opencontainers.image.base.name";

    private final Reporter reporter;
    /** registry → blob digest → a repository of that registry known to hold it. */
    private final Map<String, Map<String, String>> known = new TreeMap<>();

    /** A pusher telling {@code reporter} what it does ({@code -v}: one line per blob). */
    public ImagePusher(Reporter reporter) {
        this.reporter = reporter;
    }

    /** Pushes the image {@code request.layout()} holds to {@code request.target()}. */
    public PushResult push(PushRequest request) throws PushException {
        OciLayout layout = OciLayout.open(request.layout());
        ImageReference target = request.target();
        List<LayoutManifest> referrers = new ArrayList<>();
        LayoutManifest image = chooseImage(layout, target, referrers);
        RegistrySession session = new RegistrySession(target, request.insecureRegistries(),
                new CredentialStore(request.credentials()));
        session.ping();
        ManifestPusher manifests = new ManifestPusher(session);
        BlobUploader blobs = new BlobUploader(session, request.chunkSize());
        Map<String, BlobOutcome> outcomes = new TreeMap<>();
        long[] uploaded = {0};
        boolean changed;
        if (image.descriptor().digest().equals(manifests.digestOf(target.tag()))) {
            reporter.info(1, target + " already names " + image.descriptor().shortDigest() + ": no blob to send");
            markPresent(layout, image, outcomes);
            changed = false;
        } else {
            List<String> sources = mountSources(request, image, target);
            pushTree(layout, image, blobs, manifests, sources, outcomes, uploaded);
            manifests.put(image, target.tag());
            reporter.info(1, "manifest " + image.descriptor().shortDigest() + " pushed as " + target);
            changed = true;
        }
        remember(target, outcomes);
        int listed = 0;
        for (LayoutManifest referrer : referrers) {
            pushTree(layout, referrer, blobs, manifests, List.of(), outcomes, uploaded);
            new ReferrerPusher(session, manifests, reporter).push(referrer, image.descriptor());
            listed++;
        }
        return new PushResult(target, image.descriptor().digest(), changed, outcomes, uploaded[0], listed, session.requests());
    }

    /** The image to push: the layout's only image, or the one whose ref name is the target's. */
    static LayoutManifest chooseImage(OciLayout layout, ImageReference target, List<LayoutManifest> referrers)
            throws PushException {
        List<LayoutManifest> images = new ArrayList<>();
        List<LayoutManifest> subjects = new ArrayList<>();
        for (Descriptor d : layout.index()) {
            if (!d.isManifest()) {
                continue;
            }
            LayoutManifest m = layout.manifest(d);
            (m.subject() == null ? images : subjects).add(m);
        }
        LayoutManifest chosen = null;
        Set<String> digests = new java.util.TreeSet<>();
        for (LayoutManifest m : images) {
            digests.add(m.descriptor().digest());
        }
        if (digests.size() == 1) {
            // one image, listed once per tag
            chosen = images.get(0);
        } else {
            List<String> names = new ArrayList<>();
            for (LayoutManifest m : images) {
                String name = m.annotation(REF_NAME);
                names.add(name == null ? m.descriptor().shortDigest() : name);
                if (name != null && (name.equals(target.toString()) || name.equals(target.tag())
                        || name.endsWith("/" + target.repository() + ":" + target.tag()))) {
                    chosen = m;
                }
            }
            if (chosen == null) {
                throw new PushException(layout.dir() + " holds " + (images.isEmpty() ? "no image"
                        : images.size() + " images (" + String.join(", ", names) + ")")
                        + " and none is named " + target + "; build one image with --tag " + target);
            }
        }
        for (LayoutManifest s : subjects) {
            if (s.subject().digest().equals(chosen.descriptor().digest()) && !contains(referrers, s)) {
                referrers.add(s);
            }
        }
        return chosen;
    }

    private static boolean contains(List<LayoutManifest> list, LayoutManifest m) {
        for (LayoutManifest x : list) {
            if (x.descriptor().digest().equals(m.descriptor().digest())) {
                return true;
            }
        }
        return false;
    }

    /** Blobs first, then child manifests by digest, so that the registry accepts each manifest. */
    private void pushTree(OciLayout layout, LayoutManifest m, BlobUploader blobs, ManifestPusher manifests,
            List<String> sources, Map<String, BlobOutcome> outcomes, long[] uploaded) throws PushException {
        for (Descriptor child : m.children()) {
            LayoutManifest cm = layout.manifest(child);
            pushTree(layout, cm, blobs, manifests, sources, outcomes, uploaded);
            if (manifests.putByDigestUnlessPresent(cm)) {
                reporter.info(1, "manifest " + child.shortDigest() + " pushed");
            }
        }
        long total = 0;
        for (Descriptor b : m.blobs()) {
            total += b.size();
        }
        reporter.begin("pushing", m.blobs().size(), total);
        long done = 0;
        int n = 0;
        for (Descriptor b : m.blobs()) {
            if (MediaTypes.isForeign(b.mediaType()) || outcomes.containsKey(b.digest())) {
                continue;
            }
            List<String> from = new ArrayList<>();
            String knownRepo = known.getOrDefault(blobs.registry(), Map.of()).get(b.digest());
            if (knownRepo != null) {
                from.add(knownRepo);
            }
            for (String s : sources) {
                if (!from.contains(s)) {
                    from.add(s);
                }
            }
            BlobOutcome o = blobs.push(b, layout.blob(b), from);
            outcomes.put(b.digest(), o);
            if (o == BlobOutcome.UPLOADED) {
                uploaded[0] += b.size();
            }
            reporter.info(1, "blob " + b.shortDigest() + ": " + switch (o) {
                case EXISTS -> "exists";
                case MOUNTED -> "mounted";
                case UPLOADED -> "uploaded (" + b.size() + " bytes)";
            });
            done += b.size();
            reporter.progress(++n, done);
        }
        reporter.end();
    }

    private static void markPresent(OciLayout layout, LayoutManifest m, Map<String, BlobOutcome> outcomes) throws PushException {
        for (Descriptor child : m.children()) {
            markPresent(layout, layout.manifest(child), outcomes);
        }
        for (Descriptor b : m.blobs()) {
            outcomes.put(b.digest(), BlobOutcome.EXISTS);
        }
    }

    /** Repositories of the target's registry that may hold the blobs: asked for, named by the image, pushed to before. */
    private List<String> mountSources(PushRequest request, LayoutManifest image, ImageReference target) {
        Set<String> sources = new LinkedHashSet<>(request.mountFrom());
        String base = image.annotation(BASE_NAME);
        if (base != null) {
            try {
                ImageReference b = ImageReference.parse(base);
                if (b.registry().equals(target.registry())) {
                    sources.add(b.repository());
                }
            } catch (IllegalArgumentException e) {
                // an annotation that is no reference names no source
            }
        }
        sources.remove(target.repository());
        return List.copyOf(sources);
    }

    private void remember(ImageReference target, Map<String, BlobOutcome> outcomes) {
        Map<String, String> here = known.computeIfAbsent(target.registry(), k -> new TreeMap<>());
        for (String digest : outcomes.keySet()) {
            here.putIfAbsent(digest, target.repository());
        }
    }
}
