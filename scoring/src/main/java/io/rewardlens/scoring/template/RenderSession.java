package io.rewardlens.scoring.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.errorcategory.BasicTemplateErrorCategory;
import java.time.Clock;
import java.util.List;
import jinjava.javax.el.ELException;

/**
 * The state of one render: its deadline and size limit, the clock that {@code strftime_now} reads,
 * and the message of a {@code raise_exception} call. Jinjava turns most exceptions inside an
 * expression into collected errors and keeps rendering, so the first reason to stop is recorded
 * here and every node checks it before it renders; the caller then reports that reason.
 */
final class RenderSession {
    /** The most items a list built while rendering may hold. */
    static final long MAX_ITEMS = 1_000_000;

    private final long deadlineNanos;
    private final RenderOptions options;
    private String raisedMessage;
    private boolean timedOut;
    private boolean tooLarge;
    private String firstError;
    private int errorsSeen;

    RenderSession(RenderOptions options) {
        this.options = options;
        this.deadlineNanos = System.nanoTime() + options.timeLimit().toNanos();
    }

    /** The session of the render running on this thread. */
    static RenderSession current() {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        if (interpreter instanceof Interpreter) {
            return ((Interpreter) interpreter).session;
        }
        throw new IllegalStateException("no chat template render is running on this thread");
    }

    /**
     * Records an error of the template (a Python-level error such as a bad argument) and returns
     * the exception that stops the render. Jinjava would report only its own wrapper message.
     */
    static RuntimeException error(String message) {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        if (interpreter instanceof Interpreter) {
            RenderSession session = ((Interpreter) interpreter).session;
            if (session.firstError == null) {
                session.firstError = message;
            }
        }
        return new Stop(message);
    }

    /** Records a {@code raise_exception(message)} and stops the render. */
    RuntimeException raise(String message) {
        if (raisedMessage == null && !timedOut && !tooLarge) {
            raisedMessage = message;
        }
        return new Stop(message);
    }

    /**
     * Runs before every node: stops the render at the first fatal error Jinjava collected (jinja2
     * stops at the first error; Jinjava would render on), at a requested stop, or at the deadline.
     */
    static void checkBeforeNode(JinjavaInterpreter interpreter) {
        RenderSession session = current();
        List<TemplateError> errors = interpreter.getErrors();
        while (session.errorsSeen < errors.size()) {
            TemplateError error = errors.get(session.errorsSeen++);
            if (error.getSeverity() == TemplateError.ErrorType.FATAL
                    && session.firstError == null) {
                session.firstError = error.getMessage();
            }
        }
        if (session.firstError != null) {
            throw new Stop(session.firstError);
        }
        session.check();
    }

    /**
     * Whether a collected Jinjava error ends the render. Besides fatal errors, Jinjava reports
     * exceeding the macro recursion limit only as a warning; jinja2 fails with a RecursionError.
     */
    static boolean isFatal(TemplateError error) {
        return error.getSeverity() == TemplateError.ErrorType.FATAL
                || error.getCategory() == BasicTemplateErrorCategory.CYCLE_DETECTED;
    }

    /** Stops the render if it ran past its time limit or a stop was already requested. */
    void check() {
        if (raisedMessage != null) {
            throw new Stop(raisedMessage);
        }
        if (tooLarge) {
            throw new Stop(outputTooLargeMessage());
        }
        if (timedOut || System.nanoTime() - deadlineNanos > 0) {
            timedOut = true;
            throw new Stop(timeLimitMessage());
        }
    }

    /** Stops the render when a piece of output under construction exceeds the size limit. */
    void checkLength(long length) {
        if (length > options.maxOutputChars()) {
            tooLarge = true;
            throw new Stop(outputTooLargeMessage());
        }
        check();
    }

    /**
     * Stops the render when a list the template builds would hold more than {@link #MAX_ITEMS}
     * items: such lists never reach the output, so the character limit alone would not bound the
     * memory they take.
     */
    void checkItems(long items) {
        if (items > MAX_ITEMS) {
            throw error("a list in the chat template would hold more than " + MAX_ITEMS + " items");
        }
        check();
    }

    /** Returns the string if it fits the size limit, else stops the render. */
    String limitString(String s) {
        checkLength(s.length());
        return s;
    }

    Clock clock() {
        return options.clock();
    }

    /** The reason to report when rendering stopped, or null when nothing stopped it. */
    String stopReason() {
        if (raisedMessage != null) {
            return raisedMessage;
        }
        if (timedOut) {
            return timeLimitMessage();
        }
        if (tooLarge) {
            return outputTooLargeMessage();
        }
        if (firstError != null) {
            return "chat template failed: " + firstError;
        }
        return null;
    }

    boolean raised() {
        return raisedMessage != null;
    }

    String outputTooLargeMessage() {
        return "chat template output exceeds the limit of "
                + options.maxOutputChars()
                + " characters";
    }

    private String timeLimitMessage() {
        return "chat template rendering exceeded the time limit of "
                + options.timeLimit().toMillis()
                + " ms";
    }

    /** Thrown to stop a render; Jinjava may wrap it, the session keeps the reason. */
    static final class Stop extends ELException {
        private static final long serialVersionUID = 1L;

        Stop(String message) {
            super(message);
        }
    }

    /** A Jinjava interpreter that carries its render session, so functions can find it. */
    static final class Interpreter extends JinjavaInterpreter {
        final RenderSession session;

        Interpreter(
                Jinjava application, Context context, JinjavaConfig config, RenderSession session) {
            super(application, context, config);
            this.session = session;
        }
    }
}
