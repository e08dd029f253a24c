package io.rewardlens.scoring.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.el.JinjavaProcessors;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeStore;
import jinjava.de.odysseus.el.tree.impl.Cache;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELResolver;
import jinjava.javax.el.ExpressionFactory;

/**
 * Jinjava set up to behave as Hugging Face's jinja2 environment ({@code
 * ImmutableSandboxedEnvironment} with the loop-controls extension): Python operators, truthiness,
 * printing, methods, {@code for} and {@code if} tags, HF's globals and filters, and a sandbox in
 * which a template can reach no Java object, load no other template, and stops at a time and size
 * limit. One instance serves all threads; every render gets fresh state.
 */
final class SandboxedJinja {
    private static final SandboxedJinja INSTANCE = new SandboxedJinja();

    private final Jinjava jinjava;

    /**
     * One root context per thread, holding the registered tags, filters and functions. Building one
     * instantiates every Jinjava built-in, so it is reused; a render's variables live in a child
     * context that is dropped afterwards.
     */
    private final ThreadLocal<Context> roots;

    private SandboxedJinja() {
        jinjava = new PythonJinjava(baseConfig().build());
        jinjava.setResourceLocator(
                (name, encoding, interpreter) -> {
                    throw new IOException("a chat template cannot load other templates");
                });
        jinjava.registerTag(new PythonIfTag());
        jinjava.registerTag(new PythonSetTag());
        jinjava.registerTag(new PythonForTag());
        for (Tag tag : BlockTags.all()) {
            jinjava.registerTag(tag);
        }
        for (ExpTest test : PythonTests.all()) {
            jinjava.registerExpTest(test);
        }
        for (ELFunctionDefinition function : TemplateGlobals.definitions()) {
            jinjava.registerFunction(function);
        }
        for (Filter filter : PythonFilters.all()) {
            jinjava.registerFilter(filter);
        }
        roots =
                ThreadLocal.withInitial(
                        () -> {
                            Context root = jinjava.getGlobalContextCopy();
                            root.setExpressionStrategy(new PythonExpressionStrategy());
                            root.put(PyNone.VARIABLE, PyNone.INSTANCE);
                            for (String name : PyCallable.GLOBAL_NAMES) {
                                root.put(name, new PyCallable(name));
                            }
                            return root;
                        });
    }

    static SandboxedJinja instance() {
        return INSTANCE;
    }

    /** The Jinjava settings for one set of render limits. */
    static JinjavaConfig config(RenderOptions options) {
        return baseConfig()
                .withMaxOutputSize(options.maxOutputChars())
                .withMaxStringLength(options.maxOutputChars())
                .build();
    }

    private static JinjavaConfig.Builder baseConfig() {
        return JinjavaConfig.newBuilder()
                // Whitespace rules are applied by JinjaSourceTranslator, exactly as jinja2 does.
                .withTrimBlocks(false)
                .withLstripBlocks(false)
                .withKeepTrailingNewline(true)
                .withNestedInterpretationEnabled(false)
                .withFailOnUnknownTokens(false)
                .withEnableRecursiveMacroCalls(true)
                .withMaxMacroRecursionDepth(200)
                .withElResolver(resolver())
                .withProcessors(
                        JinjavaProcessors.newBuilder()
                                .withNodePreProcessor(
                                        (node, interpreter) ->
                                                RenderSession.checkBeforeNode(interpreter))
                                .build())
                .withDisabled(
                        Map.of(
                                Context.Library.TAG,
                                Set.of("include", "import", "from", "extends"),
                                Context.Library.FILTER,
                                Set.of("render")))
                .withLegacyOverrides(
                        LegacyOverrides.newBuilder()
                                .withEvaluateMapKeys(true)
                                // Else "{{ -7 }}" loses its minus to Jinjava's lenient trim marks.
                                .withParseWhitespaceControlStrictly(true)
                                .withUseNaturalOperatorPrecedence(true)
                                .withIterateOverMapKeys(true)
                                .withHandleBackslashInQuotesOnly(true)
                                .withDefaultKeepTrailingNewlineBehavior(true)
                                .build());
    }

    private static ELResolver resolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new PythonObjectResolver());
        resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
        return resolver;
    }

    /**
     * Renders translated template source.
     *
     * @param template the translated template
     * @param bindings the template's variables
     * @param options the limits
     * @param config the Jinjava settings from {@link #config}
     * @return the rendered text
     * @throws ChatTemplateException when the template raised, failed or hit a limit
     */
    String render(
            CompiledTemplate template,
            Map<String, Object> bindings,
            RenderOptions options,
            JinjavaConfig config)
            throws ChatTemplateException {
        RenderSession session = new RenderSession(options);
        Context root = roots.get();
        Context context = new Context(root, bindings, config.getDisabled());
        RenderSession.Interpreter interpreter =
                new RenderSession.Interpreter(jinjava, context, config, session);
        String output;
        try {
            Node tree = template.tree();
            if (tree == null) {
                tree = interpreter.parse(template.source());
                if (interpreter.getErrors().stream().noneMatch(RenderSession::isFatal)) {
                    template.rememberTree(tree);
                }
            }
            output = interpreter.render(tree);
        } catch (RuntimeException | StackOverflowError e) {
            String reason = session.stopReason();
            if (reason != null) {
                throw new ChatTemplateException(reason, session.raised());
            }
            if (e instanceof StackOverflowError) {
                throw new ChatTemplateException("chat template recursion is too deep", false);
            }
            throw new ChatTemplateException(describe(e), false, e);
        } finally {
            // The root collects which names and expressions were resolved; nobody reads that.
            root.reset();
        }
        String reason = session.stopReason();
        if (reason != null) {
            throw new ChatTemplateException(reason, session.raised());
        }
        for (TemplateError error : interpreter.getErrors()) {
            if (RenderSession.isFatal(error)) {
                throw new ChatTemplateException(
                        "chat template failed: " + error.getMessage(), false);
            }
        }
        if (output.length() > options.maxOutputChars()) {
            throw new ChatTemplateException(session.outputTooLargeMessage(), false);
        }
        return output;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        while ((message == null || message.isBlank()) && cause != null) {
            message = cause.getMessage();
            cause = cause.getCause();
        }
        return "chat template failed: "
                + (message == null ? e.getClass().getSimpleName() : message);
    }

    /** Jinjava whose expressions use Python operators and truthiness. */
    private static final class PythonJinjava extends Jinjava {
        private final ExpressionFactory expressionFactory =
                new ExpressionFactoryImpl(
                        new TreeStore(new PythonOperators.SyntaxBuilder(), new Cache(1000)),
                        new PythonTypeConverter());

        PythonJinjava(JinjavaConfig config) {
            super(config);
        }

        @Override
        public ExpressionFactory getExpressionFactory() {
            return expressionFactory;
        }
    }
}
