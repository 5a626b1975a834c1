// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.playback;

import io.chai.app.ui.frames.FramePicture;
import io.chai.app.ui.frames.FrameSource;
import io.chai.app.ui.player.viewmodel.PlayerViewModel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.image.ImageView;

/**
 * Chooses how a player plays: libVLC ({@link VlcStream} into a {@link FxVideoSink}) when the clip is a file and
 * libVLC loads, else the exact FFmpeg decoder frame by frame with the one-line notice from {@link VlcLibrary}.
 * libVLC is loaded on a background thread once the first exact frame has been drawn, so the first frame never
 * waits for it; until it is ready (well under a second on a quiet machine) playing uses the exact decoder.
 */
public final class PlayerEngine implements AutoCloseable {
    private final PlayerViewModel vm;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile VlcStream stream;
    private volatile FxVideoSink sink;

    private PlayerEngine(PlayerViewModel vm) {
        this.vm = vm;
    }

    /**
     * Starts choosing the engine for {@code vm}; libVLC's pictures will go to {@code streamView}. libVLC loads once
     * {@code firstFrameDrawn} is true, so that it does not compete with the first frame for the CPU.
     */
    public static PlayerEngine attach(PlayerViewModel vm, ImageView streamView, VlcLibrary.Config config,
            javafx.beans.value.ObservableBooleanValue firstFrameDrawn) {
        PlayerEngine e = new PlayerEngine(vm);
        FrameSource source = vm.source();
        Optional<Path> file = source.file();
        if (file.isEmpty()) {
            // generated frames (test pattern): nothing for libVLC to play, and nothing to tell the user
            e.ready.complete(null);
            return e;
        }
        Thread t = new Thread(() -> e.load(config, source, file.get(), streamView), "chai-libvlc-load");
        t.setDaemon(true);
        io.chai.app.ui.Observables.whenTrue(firstFrameDrawn, t::start);
        return e;
    }

    private void load(VlcLibrary.Config config, FrameSource source, Path file, ImageView streamView) {
        try {
            VlcLibrary.Availability a = VlcLibrary.load(config);
            if (a instanceof VlcLibrary.Availability.Unavailable u) {
                Platform.runLater(() -> {
                    if (!closed) {
                        vm.setEngineNotice(u.notice());
                    }
                    ready.complete(null);
                });
                return;
            }
            VlcLibrary.Availability.Available ok = (VlcLibrary.Availability.Available) a;
            FxVideoSink s = new FxVideoSink(streamView);
            VlcStream st = new VlcStream(ok.factory(), source, file, s);
            Platform.runLater(() -> {
                if (closed) {
                    st.close();
                } else {
                    sink = s;
                    stream = st;
                    FramePicture shown = vm.shownProperty().get();
                    if (shown != null) {
                        st.setPictureSize(shown.width(), shown.height());
                    }
                    vm.shownProperty().addListener((o, x, p) -> {
                        if (p != null) {
                            st.setPictureSize(p.width(), p.height());
                        }
                    });
                    vm.useStream(st);
                }
                ready.complete(null);
            });
        } catch (RuntimeException | LinkageError ex) {
            Platform.runLater(() -> {
                if (!closed) {
                    vm.setEngineNotice("Playing from the FFmpeg decoder (no sound): libVLC failed to start ("
                            + VlcLibrary.oneLine(ex) + "); reinstall it (" + VlcLibrary.INSTALL_HINT + ").");
                }
                ready.complete(null);
            });
        }
    }

    /** Completes on the JavaFX thread once the engine is chosen (libVLC attached or the notice set). */
    public CompletableFuture<Void> ready() {
        return ready;
    }

    /** libVLC's player, once attached. */
    public Optional<VlcStream> stream() {
        return Optional.ofNullable(stream);
    }

    /** Where libVLC's pictures go, once attached. */
    public Optional<FxVideoSink> sink() {
        return Optional.ofNullable(sink);
    }

    /** Releases libVLC's player (call on the JavaFX thread when the player goes away). */
    @Override
    public void close() {
        closed = true;
        vm.closeStream();
        stream = null;
    }
}
