// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Turns one HTTP exchange into a queue of events (headers, body bytes, end, failure, cancel) that the worker reads
 * with an idle timeout. This gives a read timeout between chunks (not just until the headers) and lets
 * {@link ChatCall#cancel()} abort a blocked read at once.
 */
final class BodyQueue implements Flow.Subscriber<List<ByteBuffer>> {
    record Headers(int status, HttpHeaders headers) {
    }

    record Failure(Throwable error) {
    }

    static final Object END = new Object();
    static final Object CANCELLED = new Object();

    private final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;
    private final ByteArrayOutputStream lineBuffer = new ByteArrayOutputStream();
    private byte[] pending = new byte[0];
    private int pendingPos;
    private boolean ended;

    void headers(int status, HttpHeaders headers) {
        events.add(new Headers(status, headers));
    }

    void failure(Throwable t) {
        events.add(new Failure(t));
    }

    void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        events.add(CANCELLED);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cancelled) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        for (ByteBuffer b : item) {
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            if (bytes.length > 0) {
                events.add(bytes);
            }
        }
    }

    @Override
    public void onError(Throwable t) {
        events.add(new Failure(t));
    }

    @Override
    public void onComplete() {
        events.add(END);
    }

    /** The next event, or null when nothing arrived within {@code idle}. */
    Object poll(Duration idle) throws InterruptedException {
        return events.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Signals for {@link #nextLine} and {@link #readAll}. */
    static final class IdleTimeout extends Exception {
        private static final long serialVersionUID = 1L;
    }

    static final class Cancelled extends Exception {
        private static final long serialVersionUID = 1L;
    }

    static final class Broken extends Exception {
        private static final long serialVersionUID = 1L;

        Broken(Throwable cause) {
            super(cause);
        }
    }

    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** The next body byte chunk, or null at the end of the body. */
    private byte[] nextBytes(Duration idle) throws InterruptedException, IdleTimeout, Cancelled, Broken {
        if (ended) {
            return null;
        }
        Object e = poll(idle);
        if (e == null) {
            throw new IdleTimeout();
        }
        if (e == CANCELLED) {
            throw new Cancelled();
        }
        if (e == END) {
            ended = true;
            return null;
        }
        if (e instanceof Failure f) {
            throw new Broken(f.error());
        }
        if (e instanceof byte[] b) {
            return b;
        }
        return new byte[0]; // a stray headers event cannot happen after the first one; ignore
    }

    /** The whole remaining body, at most {@code limit} bytes. */
    byte[] readAll(Duration idle, int limit) throws InterruptedException, IdleTimeout, Cancelled, Broken, TooLarge {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (pendingPos < pending.length) {
            out.write(pending, pendingPos, pending.length - pendingPos);
            pendingPos = pending.length;
        }
        byte[] b;
        while ((b = nextBytes(idle)) != null) {
            out.write(b, 0, b.length);
            if (out.size() > limit) {
                throw new TooLarge();
            }
        }
        return out.toByteArray();
    }

    /** The next line (without its line terminator, UTF-8), or null at the end of the body. */
    String nextLine(Duration idle) throws InterruptedException, IdleTimeout, Cancelled, Broken {
        while (true) {
            while (pendingPos < pending.length) {
                byte c = pending[pendingPos++];
                if (c == '\n') {
                    return takeLine();
                }
                lineBuffer.write(c);
            }
            byte[] b = nextBytes(idle);
            if (b == null) {
                if (lineBuffer.size() > 0) {
                    return takeLine();
                }
                return null;
            }
            pending = b;
            pendingPos = 0;
        }
    }

    private String takeLine() {
        String s = lineBuffer.toString(StandardCharsets.UTF_8);
        lineBuffer.reset();
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
