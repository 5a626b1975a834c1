// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import io.chai.model.domain.Aspect;
import io.chai.model.workflow.AspectWork;
import io.chai.model.workflow.ExportStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which (clip, aspect) work items an export takes. Every condition must hold; empty sets mean "any".
 *
 * @param statuses     export statuses to keep ({@code completed_not_reviewed}, {@code approved}, …)
 * @param aspects      aspects to keep
 * @param annotator    keep only items submitted by this user
 * @param from         keep items submitted at or after this instant
 * @param to           keep items submitted before this instant
 * @param onlyApproved keep only approved items (shorthand for statuses = {approved})
 */
public record ExportFilter(Set<ExportStatus> statuses, Set<Aspect> aspects, Optional<String> annotator,
        Optional<Instant> from, Optional<Instant> to, boolean onlyApproved) {
    public ExportFilter {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        aspects = aspects.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(aspects));
    }

    /** Keeps everything. */
    public static ExportFilter all() {
        return new ExportFilter(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public boolean accepts(AspectWork w) {
        if (!aspects.isEmpty() && !aspects.contains(w.aspect())) {
            return false;
        }
        ExportStatus s = w.exportStatus();
        if (!statuses.isEmpty() && !statuses.contains(s)) {
            return false;
        }
        if (onlyApproved && s != ExportStatus.APPROVED) {
            return false;
        }
        if (annotator.isPresent() && !w.submitter().map(u -> u.value().equals(annotator.get())).orElse(false)) {
            return false;
        }
        if (from.isPresent() || to.isPresent()) {
            if (w.submittedAt().isEmpty()) {
                return false;
            }
            Instant at = w.submittedAt().get();
            if (from.isPresent() && at.isBefore(from.get())) {
                return false;
            }
            if (to.isPresent() && !at.isBefore(to.get())) {
                return false;
            }
        }
        return true;
    }

    /** The filter as written into a manifest (sorted values, nulls for unset conditions). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statuses", statuses.stream().map(ExportStatus::key).sorted().toList());
        m.put("aspects", aspects.stream().sorted().map(Aspect::key).toList());
        m.put("annotator", annotator.orElse(null));
        m.put("from", from.map(Instant::toString).orElse(null));
        m.put("to", to.map(Instant::toString).orElse(null));
        m.put("only_approved", onlyApproved);
        return m;
    }
}
