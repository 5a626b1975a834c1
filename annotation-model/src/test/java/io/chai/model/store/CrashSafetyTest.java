// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM edits a project and is killed with SIGKILL at random moments, 20 times. After each kill the project
 * must open, pass {@code PRAGMA integrity_check}, hold every commit the child acknowledged, hold every keystroke
 * typed more than one second before the kill, and its derived state must equal a replay of the log.
 */
class CrashSafetyTest {
    @TempDir
    Path tmp;

    private record Line(String text, long nanos) {
    }

    @Test
    void killNineNeverCorruptsOrLosesAcknowledgedEdits() throws Exception {
        Path dir = tmp.resolve("crash");
        try (ProjectStore store = ProjectStore.create(dir, "crash", "chai-spec", "1.0.0")) {
            StoreFixtures.addClips(store, 8);
        }
        Random rnd = new Random(20260101);
        Set<String> allAcked = new HashSet<>();
        int kills = 0;
        int lateKeystrokesChecked = 0;
        for (int round = 0; round < 20; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                    CrashWriterMain.class.getName(), dir.toString(), Long.toString(round))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<Line> lines = new ArrayList<>();
            Object ready = new Object();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        synchronized (lines) {
                            lines.add(new Line(l, System.nanoTime()));
                        }
                        if (l.startsWith("ack ")) {
                            synchronized (ready) {
                                ready.notifyAll();
                            }
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the child was killed
                }
            });
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            synchronized (ready) {
                // wait for the first durable commit, then kill at a random moment after it
                while (noAck(lines) && System.nanoTime() < deadline && child.isAlive()) {
                    ready.wait(100);
                }
            }
            assertThat(child.isAlive()).as("child started and committed").isTrue();
            Thread.sleep(300 + rnd.nextInt(1700));
            long killedAt = System.nanoTime();
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(137); // SIGKILL
            kills++;
            reader.join(5000);

            List<Line> seen;
            synchronized (lines) {
                seen = new ArrayList<>(lines);
            }
            Map<String, Integer> typedLongAgo = new HashMap<>();
            int thisRound = round;
            for (Line l : seen) {
                if (l.text().startsWith("ack ")) {
                    allAcked.add(l.text().substring(4));
                } else if (l.text().startsWith("key ") && killedAt - l.nanos() > TimeUnit.SECONDS.toNanos(1)) {
                    String[] p = l.text().split(" ");
                    typedLongAgo.merge(p[1], Integer.parseInt(p[2]), Math::max);
                    lateKeystrokesChecked++;
                }
            }
            try (ProjectStore store = ProjectStore.open(dir)) {
                assertThat(store.integrityCheck()).isEqualTo("ok");
                Set<String> stored = new HashSet<>();
                Map<String, Integer> savedLength = new HashMap<>();
                for (Revision r : store.revisionsAfter(0, Integer.MAX_VALUE)) {
                    stored.add(r.uuid().toString());
                    if (r.kind() == RevisionKind.CRITIQUE) {
                        String text = Json.parse(r.payload()).get("final_feedback").asText();
                        savedLength.merge(text.substring(0, text.indexOf(':') + 1), text.length(), Math::max);
                    }
                }
                assertThat(stored).as("round %d: every acknowledged commit survives", round).containsAll(allAcked);
                typedLongAgo.forEach((session, length) -> assertThat(savedLength.getOrDefault(session, 0))
                        .as("round %d: typing of %s more than 1 s before the kill", thisRound, session)
                        .isGreaterThanOrEqualTo(length));
                ReplayModel.assertConsistent(store);
            }
        }
        assertThat(kills).isEqualTo(20);
        assertThat(allAcked).hasSizeGreaterThanOrEqualTo(20);
        assertThat(lateKeystrokesChecked).as("keystrokes old enough to be checked").isGreaterThan(20);
    }

    private static boolean noAck(List<Line> lines) {
        synchronized (lines) {
            return lines.stream().noneMatch(l -> l.text().startsWith("ack "));
        }
    }
}
