// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.project;

import io.chai.app.ui.WorkstationContent;
import io.chai.app.ui.captions.viewmodel.RolesCaptionModels;
import io.chai.common.UserFacingException;
import io.chai.inference.client.ModelServerClient;
import io.chai.inference.roles.ModelRoles;
import io.chai.inference.server.LoopbackModelServer;
import io.chai.inference.settings.ApiKeys;
import io.chai.inference.settings.Dialect;
import io.chai.inference.settings.ServerProfile;
import io.chai.media.CancellationToken;
import io.chai.media.FfmpegCli;
import io.chai.media.IndexStore;
import io.chai.media.ProbeResult;
import io.chai.media.ProgressListener;
import io.chai.media.VideoClip;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.store.ImportListener;
import io.chai.model.store.ImportReport;
import io.chai.model.store.MediaImporter;
import io.chai.model.store.MediaInfo;
import io.chai.model.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bundled demo project: created once in {@code <settings folder>/demo-project} with three short clips that
 * ffmpeg generates from its built-in test sources (no third-party footage, nothing downloaded), and opened with the
 * in-process {@link LoopbackModelServer} as its model server, whose answers say they are canned.
 */
public final class DemoProject {
    public static final String FOLDER = "demo-project";
    public static final String NAME = "CHAI demo";

    /** The generated clips: file name and ffmpeg lavfi source. */
    static final List<String[]> CLIPS = List.of(
            new String[] {"01-test-pattern.mp4", "testsrc2=size=480x270:rate=25"},
            new String[] {"02-mandelbrot-zoom.mp4", "mandelbrot=size=480x270:rate=25"},
            new String[] {"03-cellular-automaton.mp4", "life=size=480x270:rate=25:mold=10:ratio=0.3:seed=7"});
    static final int SECONDS = 3;

    private DemoProject() {
    }

    /** Where the demo project lives for a settings folder. */
    public static Path folder(Path configDir) {
        return configDir.resolve(FOLDER);
    }

    /**
     * Deletes a demo project folder (for screenshot runs, which start fresh); refuses a folder that is not a demo
     * project (a project of another name).
     */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (Files.isRegularFile(dir.resolve(ProjectStore.DATABASE_FILE))) {
            try (ProjectStore store = ProjectStore.open(dir)) {
                if (!store.info().name().equals(NAME)) {
                    throw new UserFacingException(dir + " holds the project '" + store.info().name()
                            + "', not the demo; it was left alone");
                }
            }
        }
        try {
            io.chai.app.Folders.deleteTree(dir);
        } catch (IOException e) {
            throw new UserFacingException("cannot remove the old demo project " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Creates the demo project in {@code dir} unless it already holds one; returns {@code dir}. */
    public static Path ensure(Path dir) {
        if (Files.isRegularFile(dir.resolve(ProjectStore.DATABASE_FILE))) {
            return dir;
        }
        Specification spec = Specifications.bundled();
        Path media = dir.resolve("media");
        try {
            Files.createDirectories(media);
            List<Path> files = new ArrayList<>();
            for (String[] c : CLIPS) {
                Path out = media.resolve(c[0]);
                if (!Files.isRegularFile(out)) {
                    Path tmp = media.resolve(c[0] + ".part.mp4");
                    FfmpegCli.locate().run(120, "-v", "error", "-y", "-f", "lavfi", "-i", c[1], "-t",
                            Integer.toString(SECONDS), "-c:v", "mpeg4", "-q:v", "4", "-g", "25", "-pix_fmt", "yuv420p",
                            tmp.toString());
                    Files.move(tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
                files.add(out);
            }
            Path tmpDb = dir.resolve(ProjectStore.DATABASE_FILE);
            try (ProjectStore store = ProjectStore.create(dir, NAME, spec.id(), spec.version().toString())) {
                IndexStore indexes = new IndexStore(dir.resolve("cache/frame-index"));
                MediaImporter importer = new MediaImporter(store, file -> probe(file, indexes), 1);
                ImportReport report = importer.importPaths(files, MediaImporter.DEFAULT_EXTENSIONS, "demo",
                        ImportListener.NONE, new AtomicBoolean());
                if (!report.problems().isEmpty()) {
                    throw new UserFacingException("cannot import the demo clips: " + report.problems().get(0));
                }
            } catch (RuntimeException e) {
                Files.deleteIfExists(tmpDb);
                throw e;
            }
            return dir;
        } catch (IOException e) {
            throw new UserFacingException("cannot create the demo project in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("interrupted while creating the demo project in " + dir, e);
        }
    }

    /**
     * Opens a clip of the demo project in {@code dir} (created first if needed) with an in-process loopback model
     * server whose answers are canned; the server stops when the window closes.
     */
    public static WorkstationContent open(Path dir, String clipRef, String author) {
        ensure(dir);
        return ProjectContent.open(dir, clipRef, author, DemoProject::cannedServer);
    }

    /** The in-process loopback server (canned answers) and a client of it, as a project's caption models. */
    static ProjectContent.ProjectModels cannedServer(Specification spec) {
        LoopbackModelServer server;
        try {
            server = LoopbackModelServer.start();
            // streamed answers arrive word by word at a readable pace, like a real server's
            server.setDefaultBehavior(new io.chai.inference.server.Behavior.SlowStream(java.time.Duration.ofMillis(40)));
        } catch (IOException e) {
            throw new UserFacingException("cannot start the demo model server: " + e.getMessage(), e);
        }
        ModelServerClient client = new ModelServerClient(ServerProfile.of("demo-canned",
                server.baseUrl().toString(), LoopbackModelServer.DEFAULT_MODEL, Dialect.OPENAI), ApiKeys.none());
        ModelRoles roles = new ModelRoles(spec, client, Clock.systemUTC());
        return new ProjectContent.ProjectModels() {
            @Override
            public io.chai.app.ui.captions.viewmodel.CaptionModels forClip(
                    java.util.function.Supplier<io.chai.inference.roles.ClipInput> clip,
                    java.util.function.Supplier<io.chai.model.domain.PrimitiveLabels> labels) {
                return new RolesCaptionModels(roles, clip, labels,
                        "demo server (canned answers) · " + LoopbackModelServer.DEFAULT_MODEL, true);
            }

            @Override
            public void close() {
                client.close();
                server.close();
            }
        };
    }

    private static MediaInfo probe(Path file, IndexStore indexes) {
        try (VideoClip clip = VideoClip.open(file, indexes, ProgressListener.NONE, CancellationToken.NONE)) {
            ProbeResult p = clip.probe();
            return new MediaInfo(p.duration().toDouble(), p.frameRate().num(), p.frameRate().den(), p.displayWidth(),
                    p.displayHeight(), p.frameCount(), p.codec());
        }
    }
}
