// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link CrashSafetyTest}: edits a project forever, like an annotator, until killed. Prints
 * {@code ack UUID} after each durable commit and {@code key SESSION LENGTH} after each keystroke of a critique.
 * Arguments: project folder, random seed.
 */
public final class CrashWriterMain {
    private CrashWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, "UTF-8");
        Random rnd = new Random(Long.parseLong(args[1]));
        try (ProjectStore store = ProjectStore.open(Path.of(args[0]))) {
            List<String> clips = store.clips(null, null, null, null, 0, 100).stream().map(ClipRecord::clipId).toList();
            AutosaveWriter writer = new AutosaveWriter(store, r -> {
                synchronized (out) {
                    out.println("ack " + r.uuid());
                    out.flush();
                }
            });
            synchronized (out) {
                out.println("ready");
                out.flush();
            }
            for (int session = 0; ; session++) {
                String clip = clips.get(rnd.nextInt(clips.size()));
                String aspect = ProjectStore.ASPECTS.get(rnd.nextInt(5));
                writer.commitNow(RevisionDraft.of(clip, aspect, RevisionKind.RATING, "crash", "" + (1 + rnd.nextInt(4))));
                String tag = args[1] + "-" + session + ":";
                StringBuilder text = new StringBuilder(tag);
                for (int k = 0, n = 10 + rnd.nextInt(60); k < n; k++) {
                    text.append((char) ('a' + rnd.nextInt(26)));
                    writer.edit(RevisionDraft.of(clip, aspect, RevisionKind.CRITIQUE, "crash",
                            Json.write(Json.MAPPER.createObjectNode().put("final_feedback", text.toString()))));
                    synchronized (out) {
                        out.println("key " + tag + " " + text.length());
                        out.flush();
                    }
                    Thread.sleep(rnd.nextInt(25));
                }
                writer.commitNow(RevisionDraft.of(clip, aspect, RevisionKind.SUBMISSION, "crash",
                        "{\"submitted\":" + rnd.nextBoolean() + "}"));
            }
        }
    }
}
