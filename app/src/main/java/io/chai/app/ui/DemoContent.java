// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui;

import io.chai.app.ui.checklist.viewmodel.AnswerFile;
import io.chai.app.ui.frames.FrameTiming;
import io.chai.app.ui.frames.TestPatternFrameSource;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import java.nio.file.Path;

/**
 * The demo: the bundled specification's checklist next to a ten-second numbered test pattern at 25 fps
 * (frame i shows the number i), answers autosaved under the settings folder.
 */
public final class DemoContent {
    public static final int FRAMES = 250;

    private DemoContent() {
    }

    public static WorkstationContent open(Path configDir) {
        Specification spec = Specifications.bundled();
        TestPatternFrameSource clip =
                new TestPatternFrameSource("test pattern (demo)", FRAMES, FrameTiming.of(25, 1), 960, 540);
        return new WorkstationContent("demo", spec, clip,
                new AnswerFile(configDir.resolve("demo").resolve("answers.json"))
                        .store(spec.id() + " " + spec.version(), clip.name()));
    }
}
