// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.bench;

import java.util.List;

/** One benchmark: a name and a run that measures figures, each optionally against a reference. */
public interface Benchmark {
    /** Short id used on the command line and as the results file name, e.g. {@code spec-load}. */
    String name();

    /** One line saying what is measured and on what input. */
    String description();

    List<Figure> run(BenchContext context) throws Exception;
}
