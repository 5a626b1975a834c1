// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers shared by the TestFX tests: waiting for a condition, closing every window after a test. */
public final class UiTests {
    private UiTests() {
    }

    /** Waits up to {@code seconds} for {@code condition}; fails the test when it is not met in time. */
    public static void waitFor(int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }

    /** Closes every open stage (dialogs included); call on the JavaFX thread. */
    public static void closeStages() {
        for (Window w : Window.getWindows().stream().toList()) {
            if (w instanceof Stage s) {
                s.close();
            }
        }
    }
}
