package io.rewardlens.scoring.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.scoring.ChatTurn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chat templates come from downloaded model bundles and are untrusted: they must not reach Java
 * objects, read files, or run without bound.
 */
class ChatTemplateSandboxTest {
    private static final List<ChatTurn> TURNS = List.of(new ChatTurn("user", "Hi"));

    private static String render(String template, RenderOptions options)
            throws ChatTemplateException {
        return ChatTemplate.of(template, Map.of("bos_token", "<s>"))
                .withOptions(options)
                .render(TURNS, false);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{{ ''.getClass() }}",
                "{{ messages.getClass().forName('java.lang.Runtime') }}",
                "{{ messages[0].getClass().getName() }}",
                "{{ bos_token.getBytes() }}",
                "{{ messages.iterator() }}",
                "{{ messages[0].entrySet() }}",
                "{% for m in messages %}{{ loop.getClass() }}{% endfor %}",
                "{{ 'abc'.toUpperCase() }}",
                "{{ messages.append(1) }}",
            })
    void javaMethodsAreNotCallable(String template) {
        ChatTemplateException e =
                assertThrows(
                        ChatTemplateException.class, () -> render(template, RenderOptions.DEFAULT));
        assertFalse(e.raisedByTemplate());
        assertTrue(e.getMessage().contains("has no attribute"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{{ ''.class }}",
                "{{ messages.class }}",
                "{{ messages[0].class }}",
                "{{ bos_token.bytes }}",
                "{{ messages.empty }}",
                "{{ 'x'.empty }}",
                "{% for m in messages %}{{ loop.class }}{{ loop.iterator }}{% endfor %}",
                "{{ add_generation_prompt.class }}",
            })
    void javaPropertiesAreUndefined(String template) throws ChatTemplateException {
        assertEquals("", render(template, RenderOptions.DEFAULT));
    }

    @Test
    void jinjavaInternalsCannotBeNamed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ChatTemplate.of("{{ ____int3rpr3t3r____.config }}", Map.of()));
        assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{% include 'fixtures/README.md' %}",
                "{% import 'x.jinja' as x %}",
                "{% from 'x.jinja' import y %}",
                "{% extends 'x.jinja' %}",
                "{{ '{{ 1 }}'|render }}",
            })
    void otherTemplatesAndFilesCannotBeLoaded(String template) {
        assertThrows(ChatTemplateException.class, () -> render(template, RenderOptions.DEFAULT));
    }

    @Test
    void endlessLoopsStopAtTheTimeLimit() {
        RenderOptions quick = RenderOptions.DEFAULT.withTimeLimit(Duration.ofMillis(200));
        ChatTemplateException e =
                assertThrows(
                        ChatTemplateException.class,
                        () ->
                                render(
                                        "{% for i in range(100000) %}{% for j in range(100000)"
                                                + " %}{% endfor %}{% endfor %}",
                                        quick));
        assertEquals("chat template rendering exceeded the time limit of 200 ms", e.getMessage());
    }

    @Test
    void hugeRangesAreRefusedAsJinja2sSandboxDoes() {
        ChatTemplateException e =
                assertThrows(
                        ChatTemplateException.class,
                        () ->
                                render(
                                        "{% for i in range(10**9) %}{% endfor %}",
                                        RenderOptions.DEFAULT));
        assertTrue(e.getMessage().contains("Range too big"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{% for i in range(2000) %}x{% endfor %}",
                "{{ 'x' * 100000 }}",
                "{{ 'x' * 1000000000000 }}",
                "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s"
                        + " %}{% endfor %}",
                "{% for i in range(1000) %}{{ 'xyz' }}{% endfor %}",
                "{{ [1] * 100000 }}",
            })
    void outputStopsAtTheSizeLimit(String template) {
        RenderOptions small = RenderOptions.DEFAULT.withMaxOutputChars(1000);
        ChatTemplateException e =
                assertThrows(ChatTemplateException.class, () -> render(template, small));
        assertTrue(e.getMessage().contains("exceeds the limit of 1000 characters"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{% set ns = namespace(l=[1]) %}{% for i in range(40) %}{% set ns.l = ns.l + ns.l"
                        + " %}{% endfor %}",
                "{{ ([1] * 2000000)|length }}",
                "{{ ('x' * 2000000)|list|length }}",
                "{% for c in 'x' * 2000000 %}{% endfor %}",
            })
    void listsThatNeverReachTheOutputAreBoundedToo(String template) {
        ChatTemplateException e =
                assertThrows(
                        ChatTemplateException.class, () -> render(template, RenderOptions.DEFAULT));
        assertTrue(e.getMessage().contains("more than 1000000 items"), e.getMessage());
    }

    @Test
    void runawayMacroRecursionIsAnError() {
        ChatTemplateException e =
                assertThrows(
                        ChatTemplateException.class,
                        () ->
                                render(
                                        "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
                                        RenderOptions.DEFAULT));
        assertTrue(e.getMessage().contains("recursion"), e.getMessage());
    }

    @Test
    void boundedMacroRecursionWorks() throws ChatTemplateException {
        assertEquals(
                "3210",
                render(
                        "{% macro down(n) %}{{ n }}{% if n > 0 %}{{ down(n - 1) }}{% endif %}{%"
                                + " endmacro %}{{ down(3) }}",
                        RenderOptions.DEFAULT));
    }

    @Test
    void aFailedRenderLeavesTheTemplateUsable() throws ChatTemplateException {
        ChatTemplate template =
                ChatTemplate.of(
                        "{% if messages|length > 1 %}{{ raise_exception('one turn only') }}{% endif"
                                + " %}{{ messages[0].content }}",
                        Map.of());
        List<ChatTurn> two = List.of(new ChatTurn("user", "a"), new ChatTurn("assistant", "b"));
        assertEquals(
                "one turn only",
                assertThrows(ChatTemplateException.class, () -> template.render(two, false))
                        .getMessage());
        assertEquals("Hi", template.render(TURNS, false));
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(
                IllegalArgumentException.class, () -> RenderOptions.DEFAULT.withMaxOutputChars(0));
        assertThrows(
                IllegalArgumentException.class,
                () -> RenderOptions.DEFAULT.withTimeLimit(Duration.ZERO));
    }
}
