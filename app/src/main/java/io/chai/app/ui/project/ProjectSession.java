// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.project;

import io.chai.app.ui.WorkstationContent;
import io.chai.app.ui.captions.viewmodel.CaptionModels;
import io.chai.app.ui.captions.viewmodel.CaptionSession;
import io.chai.app.ui.captions.viewmodel.CaptionWorkStore;
import io.chai.app.ui.captions.viewmodel.CaptionWorkflows;
import io.chai.app.ui.frames.FramePicture;
import io.chai.app.ui.frames.MediaFrameSource;
import io.chai.common.UserFacingException;
import io.chai.media.CancellationToken;
import io.chai.media.IndexStore;
import io.chai.media.ProgressListener;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.json.ChaiJson;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.store.ClipRecord;
import io.chai.model.store.CurrentValue;
import io.chai.model.store.ProjectInfo;
import io.chai.model.store.ProjectMarker;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.RevisionKind;
import io.chai.model.workflow.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An opened project for the workstation: the store, the specification, the frame-index cache, the caption
 * workflow and the model server live as long as the window; {@link #openClip(String)} opens one clip of it (its
 * exact frames, its checklist answers in the store, its caption session) as {@link WorkstationContent}, as often as
 * the user switches clips. Closing the session closes the store and the model server.
 */
public final class ProjectSession implements AutoCloseable {
    private final ProjectStore store;
    private final ProjectInfo info;
    private final Specification spec;
    private final IndexStore indexes;
    /** Who edits now: the window sets it at start-up and at every Switch user. */
    private volatile String user;
    private final ProjectContent.ProjectModels models;
    private final CaptionWorkStore works;
    private final Workflow workflow;
    private boolean closed;

    private ProjectSession(ProjectStore store, Specification spec, String author, ProjectContent.ProjectModels models) {
        this.store = store;
        this.info = store.info();
        this.spec = spec;
        this.user = checkedUser(author);
        this.models = models;
        this.indexes = new IndexStore(info.directory().resolve("cache/frame-index"));
        this.works = CaptionWorkStore.of(store, spec.sentinel());
        this.workflow = CaptionWorkflows.of(spec);
    }

    /**
     * Opens the project in {@code dir} (or the nearest folder above it that holds one) with the caption models from
     * {@code setup}. Writes the {@code project.chai} marker when an older project lacks one.
     */
    public static ProjectSession open(Path dir, String author, ProjectContent.ModelSetup setup) {
        if (!Files.isDirectory(dir)) {
            throw new UserFacingException("project folder " + dir + " does not exist");
        }
        Path root = ProjectStore.locate(dir.toAbsolutePath()).orElseThrow(() -> new UserFacingException(
                "no CHAI project in " + dir + " or above it (create one with 'chai init DIR --name NAME')"));
        ProjectStore store = ProjectStore.open(root);
        try {
            ProjectInfo info = store.info();
            Specification spec = Specifications.bundled();
            if (!spec.id().equals(info.specId()) || !sameMajor(spec.version().toString(), info.specVersion())) {
                throw new UserFacingException("project " + root + " uses specification " + info.specId() + " "
                        + info.specVersion() + "; the workstation opens projects of the bundled " + spec.id() + " "
                        + spec.version() + " only");
            }
            ProjectMarker.ensure(info);
            return new ProjectSession(store, spec, author, setup.start(spec));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Opens one clip: a clip id (or unique prefix), external id or media path; null = the first imported clip.
     * The returned content's answers and captions use this session's store (closing them closes nothing of it);
     * its frame source is the caller's to close.
     */
    public WorkstationContent openClip(String clipRef) {
        ensureOpen();
        Path root = info.directory();
        String clipId;
        if (clipRef != null) {
            clipId = store.resolveClip(clipRef);
        } else {
            List<ClipRecord> first = store.clips(null, null, null, null, 0, 1);
            if (first.isEmpty()) {
                throw new UserFacingException("project " + root + " has no clips yet: add some with "
                        + "'chai import --project " + root + " PATH'");
            }
            clipId = first.get(0).clipId();
        }
        ClipRecord clip = store.clip(clipId).orElseThrow();
        Path file = clip.path().isAbsolute() ? clip.path() : root.resolve(clip.path());
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException("the media of clip " + clipId.substring(0, 12) + " is missing at "
                    + file + " (find it with 'chai relink')");
        }
        MediaFrameSource source = MediaFrameSource.open(file, indexes, ProgressListener.NONE, CancellationToken.NONE);
        source.prefetch(0);   // the player's first frame decodes while the window is built
        String id = clipId;
        CaptionModels m = models.forClip(new ClipFrames(file, indexes), () -> currentLabels(id));
        String author = user;
        CaptionSession session = new CaptionSession(works, workflow, ClipId.of(clipId), m, author, () -> { });
        return new WorkstationContent(info.name() + " — " + file.getFileName(), spec, source,
                new StoreAnswers(store, spec, clipId, this::author, Clock.systemUTC()), Optional.of(session),
                Optional.of(this));
    }

    public ProjectStore store() {
        return store;
    }

    public ProjectInfo info() {
        return info;
    }

    /** The project folder. */
    public Path root() {
        return info.directory();
    }

    public Specification specification() {
        return spec;
    }

    /** The project's frame-index cache (for thumbnails and frames). */
    public IndexStore indexes() {
        return indexes;
    }

    /**
     * Who edits now: recorded on each checklist save of every clip opened from this session (their
     * {@link StoreAnswers} ask at each save, not once when the clip opened).
     */
    public String author() {
        return user;
    }

    /**
     * Makes {@code id} the author of the answers saved from now on (the window calls it at start-up with the
     * remembered user and at every Switch user, after saving the previous user's pending answers).
     */
    public void setUser(String id) {
        user = checkedUser(id);
    }

    private static String checkedUser(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a project session needs a user name");
        }
        return id.strip();
    }

    /**
     * A small picture of a clip for the library: its middle frame, decoded exactly and scaled to {@code width}
     * pixels wide, kept as a PNG in {@code cache/thumbnails/library} so the next time costs a file read. Blocking
     * (call it off the UI thread); a missing or undecodable file is a one-line {@link UserFacingException}.
     */
    public FramePicture thumbnail(String clipId, int width) {
        ensureOpen();
        if (!clipId.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a clip id: " + clipId);
        }
        Path cached = root().resolve("cache/thumbnails/library").resolve(clipId + "-" + width + ".png");
        Optional<FramePicture> known = io.chai.app.ui.frames.PictureFiles.read(cached, 0);
        if (known.isPresent()) {
            return known.get();
        }
        ClipRecord clip = store.clip(clipId).orElseThrow(() -> new UserFacingException("no clip " + clipId));
        Path file = clip.path().isAbsolute() ? clip.path() : root().resolve(clip.path());
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException("the media of clip " + clipId.substring(0, 12) + " is missing at " + file);
        }
        FramePicture p;
        try (MediaFrameSource src = MediaFrameSource.open(file, indexes, ProgressListener.NONE,
                CancellationToken.NONE)) {
            int middle = src.frameCount() / 2;
            p = src.frame(middle).scaledToWidth(width);
        }
        io.chai.app.ui.frames.PictureFiles.write(cached, p);
        return new FramePicture(p.index(), p.width(), p.height(), p.argb());
    }

    /** The clip's current primitive labels, or null when it has none. */
    PrimitiveLabels currentLabels(String clipId) {
        Optional<CurrentValue> v = store.current(clipId, "", RevisionKind.PRIMITIVE_LABELS);
        if (v.isEmpty() || v.get().cleared()) {
            return null;
        }
        return ChaiJson.read(ChaiJson.newMapper(), v.get().payload(), PrimitiveLabels.class,
                "primitive labels of clip " + clipId.substring(0, 12));
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("project session is closed");
        }
    }

    /** Stops the model server (if any) and closes the store. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            models.close();
        } catch (Exception e) {
            System.err.println("chai: " + e.getMessage());
        } finally {
            store.close();
        }
    }

    static boolean sameMajor(String a, String b) {
        return a.split("\\.")[0].equals(b.split("\\.")[0]);
    }

    @Override
    public String toString() {
        return "ProjectSession[" + Objects.toString(info.name()) + " at " + info.directory() + "]";
    }
}
