// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/** Small helpers over JavaFX observable values. */
public final class Observables {
    private Observables() {
    }

    /** Runs {@code r} once, when {@code v} first is true (now, if it already is), on the thread that makes it so. */
    public static void whenTrue(ObservableBooleanValue v, Runnable r) {
        if (v.get()) {
            r.run();
            return;
        }
        v.addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    o.removeListener(this);
                    r.run();
                }
            }
        });
    }
}
