// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.model.store.MediaInfo;
import io.chai.model.store.NewClip;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** chai sync / store / team over a real shared folder and two real project folders. */
class SyncCommandsTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result chai(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ChaiCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void twoCopiesSyncThroughAFolderAndResolveAConflict() {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path shared = dir.resolve("nas");
        assertThat(chai("init", a.toString(), "--name", "lib").exit()).isZero();
        assertThat(chai("init", b.toString(), "--name", "lib").exit()).isZero();
        String clip = "c".repeat(64);
        String aspect = ProjectStore.ASPECTS.get(0);
        try (ProjectStore p = ProjectStore.open(a)) {
            p.addClips(List.of(new NewClip(clip, "m/x.mp4", 5, 0, "shot-1", new MediaInfo(1, 25, 1, 64, 48, 25, "h264"),
                    List.of("day1"))));
            p.append(RevisionDraft.of(clip, aspect, RevisionKind.RATING, "ann", "3"));
        }
        Result none = chai("sync", "--project", a.toString());
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("no shared store yet");

        Result first = chai("sync", "--project", a.toString(), "--store", shared.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("pushed 1 clips and 1 revisions");
        Result second = chai("sync", "--project", b.toString(), "--store", shared.toString());
        assertThat(second.out()).contains("1 new revisions applied");

        Result assign = chai("team", "assign", "--project", b.toString(), "--users", "ann,ben", "--author", "boss");
        assertThat(assign.out()).contains("assigned 1 clips to 2 people");
        try (ProjectStore p = ProjectStore.open(a)) {
            p.append(RevisionDraft.of(clip, aspect, RevisionKind.RATING, "ann", "5"));
        }
        try (ProjectStore p = ProjectStore.open(b)) {
            p.append(RevisionDraft.of(clip, aspect, RevisionKind.RATING, "ben", "1"));
        }
        Result status = chai("store", "status", "--project", b.toString());
        assertThat(status.out()).contains("not yet pushed: 2 revisions", "conflicts: 0");
        chai("sync", "--project", a.toString());
        Result conflict = chai("sync", "--project", b.toString());
        assertThat(conflict.out()).contains("conflict cccccccccccc " + aspect + " rating:", "by ann = 5", "by ben = 1");
        assertThat(chai("store", "conflicts", "--project", a.toString()).out()).contains("0 conflicts");
        chai("sync", "--project", a.toString());
        assertThat(chai("store", "conflicts", "--project", a.toString()).out()).contains("1 conflicts");

        String keep;
        try (ProjectStore p = ProjectStore.open(a)) {
            keep = p.history(clip, aspect).stream().filter(r -> r.author().equals("ben")).findFirst().orElseThrow()
                    .uuid().toString().substring(0, 8);
        }
        Result bad = chai("store", "resolve", "cccccccc", "--project", a.toString(), "--aspect", aspect, "--kind",
                "rating", "--keep", "zzzz");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("--keep must name exactly one");
        Result resolved = chai("store", "resolve", "cccccccc", "--project", a.toString(), "--aspect", aspect,
                "--kind", "rating", "--keep", keep, "--author", "ann");
        assertThat(resolved.out()).as(resolved.err()).contains("keeps ben's version");
        chai("sync", "--project", a.toString());
        chai("sync", "--project", b.toString());
        for (Path p : List.of(a, b)) {
            assertThat(chai("store", "conflicts", "--project", p.toString()).out()).contains("0 conflicts");
            try (ProjectStore s = ProjectStore.open(p)) {
                assertThat(s.current(clip, aspect, RevisionKind.RATING).orElseThrow().payload()).isEqualTo("1");
                assertThat(s.clip(clip).orElseThrow().assignees().values()).containsOnly("ann");
            }
        }
        Result progress = chai("team", "progress", "--project", a.toString());
        assertThat(progress.out()).contains("ann:");
        Result addUser = chai("team", "add-user", "eve", "--role", "annotator", "--project", a.toString());
        assertThat(addUser.exit()).isEqualTo(1);
        assertThat(addUser.err()).contains("a shared folder has no accounts");
    }

    @Test
    void overlapAssignmentsTravelAndShowInQueuesAndProgress() {
        Path a = dir.resolve("lead");
        Path b = dir.resolve("bea");
        Path shared = dir.resolve("usb");
        assertThat(chai("init", a.toString(), "--name", "lib").exit()).isZero();
        assertThat(chai("init", b.toString(), "--name", "lib").exit()).isZero();
        List<String> clips = List.of("1".repeat(64), "2".repeat(64), "3".repeat(64));
        try (ProjectStore p = ProjectStore.open(a)) {
            for (int i = 0; i < clips.size(); i++) {
                p.addClips(List.of(new NewClip(clips.get(i), "m/" + i + ".mp4", 5, 0, null, null, List.of("study"))));
            }
        }
        Result tooMany = chai("team", "assign", "--project", a.toString(), "--users", "ann,bea", "--overlap", "3");
        assertThat(tooMany.exit()).isEqualTo(1);
        assertThat(tooMany.err().strip()).isEqualTo("chai: --overlap 3 needs between 1 and 2 (the number of different"
                + " --users)");
        Result assign = chai("team", "assign", "--project", a.toString(), "--users", "ann,bea,cal", "--overlap", "2",
                "--reviewers", "ann,rex", "--tag", "study", "--author", "lead");
        assertThat(assign.out()).as(assign.err()).contains("assigned 3 clips to 3 people (2 per clip)");
        assertThat(chai("sync", "--project", a.toString(), "--store", shared.toString()).exit()).isZero();
        assertThat(chai("sync", "--project", b.toString(), "--store", shared.toString()).out())
                .contains("3 new revisions applied");

        String subject = ProjectStore.ASPECTS.get(0);
        try (ProjectStore p = ProjectStore.open(b)) {
            // round-robin pairs: (ann, bea), (cal, ann), (bea, cal); reviewers skip a clip's own assignees
            assertThat(p.workQueue(new io.chai.model.store.QueueQuery(subject, null, "bea", null, 0, 10)))
                    .extracting(e -> e.clipId()).containsExactly(clips.get(0), clips.get(2));
            assertThat(p.current(clips.get(0), "", RevisionKind.ASSIGNMENT).orElseThrow().payload())
                    .isEqualTo("{\"assignee\":\"ann\",\"assignees\":[\"ann\",\"bea\"],\"reviewer\":\"rex\"}");
            assertThat(p.current(clips.get(2), "", RevisionKind.ASSIGNMENT).orElseThrow().payload())
                    .contains("\"reviewer\":\"ann\"");
            // bea does her part of clip 1 and submits it
            p.append(RevisionDraft.of(clips.get(0), subject, RevisionKind.POST_CAPTION, "bea",
                    "{\"final_caption\":\"a dog\"}"));
            p.append(RevisionDraft.of(clips.get(0), subject, RevisionKind.SUBMISSION, "bea", "{\"submitted\":true}"));
            p.append(RevisionDraft.of(clips.get(2), subject, RevisionKind.SUBMISSION, "cal", "{\"submitted\":true}"));
        }
        chai("sync", "--project", b.toString());
        chai("sync", "--project", a.toString());

        Result progress = chai("team", "progress", "--project", a.toString());
        assertThat(progress.out()).as(progress.err())
                .contains("ann: assigned=10 submitted-by-them=0 |", "bea: assigned=10 submitted-by-them=1 |",
                        "cal: assigned=10 submitted-by-them=1 |");
        Result rex = chai("team", "review-queue", "--project", a.toString(), "--user", "rex");
        assertThat(rex.out()).as(rex.err()).contains("2 submitted items to review for rex");
        assertThat(rex.out().lines().findFirst().orElseThrow()).startsWith("111111111111 " + subject)
                .endsWith("(assigned to you)");
        Result bea = chai("team", "review-queue", "--project", a.toString(), "--user", "bea");
        assertThat(bea.out()).doesNotContain("111111111111").contains("333333333333 " + subject,
                "(reviewer: ann)", "1 submitted items to review for bea");
    }
}

