package io.rewardlens.scoring.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.scoring.ChatTurn;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Python and jinja2 behaviour that real Hub chat templates rely on. Each expected string is
 * what jinja2 prints for the template in transformers' environment ({@code
 * ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)} with loop controls, HF's
 * {@code tojson} and globals, {@code tools=None}, {@code documents=None}); every one was checked
 * against jinja2 3.1.6.
 */
class ChatTemplatePythonSemanticsTest {
    private static final List<ChatTurn> TURNS =
            List.of(
                    new ChatTurn("system", "Be brief."),
                    new ChatTurn("user", "Hi"),
                    new ChatTurn("assistant", "Hello"));

    private static String render(String template) throws ChatTemplateException {
        return ChatTemplate.of(template, Map.of("bos_token", "<s>")).render(TURNS, false);
    }

    static Stream<Arguments> whitespaceControl() {
        return Stream.of(
                // lstrip_blocks only strips when nothing but spaces precede the tag on its line.
                Arguments.of("Hello {% if true %}X{% endif %}", "Hello X"),
                Arguments.of("  {% if true %}\n    X\n  {% endif %}\n", "    X\n"),
                Arguments.of("a\n  {% if true %}b{% endif %}", "a\nb"),
                // trim_blocks removes the newline after a block tag and a comment, not a variable.
                Arguments.of("{% if true %}\nb{% endif %}\n", "b"),
                Arguments.of("a\n{# note #}\nb", "a\nb"),
                Arguments.of("{{ 'a' }}\nb", "a\nb"),
                // '-' strips all whitespace, newlines included; '+' keeps what lstrip/trim remove.
                Arguments.of("a \n {%- if true -%} \n b \n {%- endif %}", "ab"),
                Arguments.of("x  {{- 'a' -}}  \n y", "xay"),
                Arguments.of("  {%+ if true %}x{% endif %}", "  x"),
                Arguments.of("{% if true +%}\nx{% endif %}", "\nx"),
                // lstrip also applies right after a tag whose trim_blocks ate the newline.
                Arguments.of("{% if true %}\n  {% if true %}x{% endif %}\n{% endif %}", "x"),
                // One trailing newline of the source is dropped (keep_trailing_newline=False).
                Arguments.of("{{ 'a' }}\n", "a"),
                Arguments.of("{{ 'a' }}\n\n", "a\n"),
                Arguments.of("a\r\n{% if true %}\r\nb{% endif %}", "a\nb"),
                Arguments.of("{% raw %}{{ not evaluated }}{% endraw %}", "{{ not evaluated }}"),
                Arguments.of("{", "{"),
                Arguments.of("{ {%- if true %}{% endif %}", "{"));
    }

    @ParameterizedTest
    @MethodSource
    void whitespaceControl(String template, String expected) throws ChatTemplateException {
        assertEquals(expected, render(template));
    }

    static Stream<Arguments> stringMethods() {
        return Stream.of(
                Arguments.of("{{ '  a b \\t\\n'.strip() }}", "a b"),
                Arguments.of(
                        "{{ 'xxaxx'.strip('x') }}|{{ '\\n\\nab\\n'.lstrip('\\n') }}", "a|ab\n"),
                Arguments.of("{{ '\\u00a0a\\u3000'.strip() }}|{{ '\\x01a'.strip() }}", "a|\u0001a"),
                Arguments.of(
                        "{{ '  a'.lstrip() }}|{{ 'a  '.rstrip() }}|{{ 'a.,'.rstrip('.,') }}",
                        "a|a|a"),
                Arguments.of("{{ ' a \\n b '.split() }}", "['a', 'b']"),
                Arguments.of(
                        "{{ 'a,b,'.split(',') }}|{{ 'a.b'.split('.') }}",
                        "['a', 'b', '']|['a', 'b']"),
                Arguments.of(
                        "{{ 'a b c'.split(' ', 1) }}|{{ 'a b c'.rsplit(' ', 1) }}",
                        "['a', 'b c']|['a b', 'c']"),
                Arguments.of("{{ 'x</think>\\n\\nok'.split('</think>')[-1].lstrip('\\n') }}", "ok"),
                Arguments.of(
                        "{{ 'abc'.startswith('ab') }}|{{ 'abc'.endswith('bc') }}", "True|True"),
                Arguments.of(
                        "{{ 'abc'.startswith(('x', 'a')) }}|{{ 'abc'.startswith('b', 1) }}",
                        "True|True"),
                Arguments.of("{{ 'Hi'.upper() }}|{{ 'Hi'.lower() }}", "HI|hi"),
                Arguments.of(
                        "{{ \"they're bob's\".title() }}|{{ 'hELLO'.capitalize() }}",
                        "They'Re Bob'S|Hello"),
                Arguments.of(
                        "{{ 'aaa'.replace('a', 'b') }}|{{ 'aaa'.replace('a', 'b', 2) }}",
                        "bbb|bba"),
                Arguments.of(
                        "{{ '{} and {name}'.format(1, name='x') }}|{{ '{0}{0}'.format('y') }}",
                        "1 and x|yy"),
                Arguments.of(
                        "{{ ', '.join(['a', 'b']) }}|{{ 'abcb'.count('b') }}|{{ 'abc'.find('c') }}",
                        "a, b|2|2"),
                Arguments.of(
                        "{{ 'hello'[1:] }}|{{ 'hello'[::-1] }}|{{ 'abcdef'[::2] }}|{{"
                                + " 'hello'[-3:-1] }}",
                        "ello|olleh|ace|ll"),
                Arguments.of("{{ 'abc'[0] }}{{ 'abc'[-1] }}", "ac"),
                Arguments.of("{{ 'ell' in 'hello' }}|{{ 'z' not in 'abc' }}", "True|True"),
                Arguments.of("{{ 'a\\u00e9\\U0001F600'|length }}", "3"));
    }

    @ParameterizedTest
    @MethodSource
    void stringMethods(String template, String expected) throws ChatTemplateException {
        assertEquals(expected, render(template));
    }

    static Stream<Arguments> collections() {
        return Stream.of(
                Arguments.of(
                        "{{ [1, 2, 3][::-1] }}|{{ [1, 2, 3, 4][1:3] }}|{{ [1, 2, 3][-2:] }}",
                        "[3, 2, 1]|[2, 3]|[2, 3]"),
                Arguments.of(
                        "{% for m in messages[1:] %}{{ m.role }} {% endfor %}", "user assistant "),
                Arguments.of(
                        "{% for m in messages[::-1] %}{{ m['role'] }} {% endfor %}",
                        "assistant user system "),
                Arguments.of(
                        "{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}={{ v }};{% endfor %}",
                        "a=1;b=2;"),
                Arguments.of(
                        "{{ {'a': 1, 'b': 2}.keys()|list }}|{{ {'a': 1}.values()|list }}",
                        "['a', 'b']|[1]"),
                Arguments.of("{{ {'a': 1}.get('a') }}|{{ {'a': 1}.get('z', 'd') }}", "1|d"),
                Arguments.of("{% for k in {'a': 1, 'b': 2} %}{{ k }}{% endfor %}", "ab"),
                Arguments.of(
                        "{{ 'x' in {'x': 1} }}|{{ 2 in [1, 2] }}|{{ 3 in [1, 2] }}",
                        "True|True|False"),
                Arguments.of("{{ messages|length }}|{{ []|length }}", "3|0"),
                Arguments.of(
                        "{{ messages|selectattr('role', 'equalto', 'user')|list|length }}", "1"),
                Arguments.of(
                        "{{ messages|map(attribute='role')|join(', ') }}",
                        "system, user, assistant"),
                Arguments.of(
                        "{{ messages[0].content }}|{{ messages[-1]['content'] }}",
                        "Be brief.|Hello"),
                Arguments.of(
                        "{{ range(3)|list }}|{{ range(1, 7, 2)|list }}|{{ range(3, 0, -1)|list }}",
                        "[0, 1, 2]|[1, 3, 5]|[3, 2, 1]"),
                Arguments.of("{{ [1, 2] + [3] }}|{{ 'ab' * 3 }}", "[1, 2, 3]|ababab"));
    }

    @ParameterizedTest
    @MethodSource
    void collections(String template, String expected) throws ChatTemplateException {
        assertEquals(expected, render(template));
    }

    static Stream<Arguments> loops() {
        return Stream.of(
                Arguments.of(
                        "{% for m in messages %}{{ loop.index0 }}{{ loop.index }}{{ loop.first }}{{"
                                + " loop.last }};{% endfor %}",
                        "01TrueFalse;12FalseFalse;23FalseTrue;"),
                Arguments.of(
                        "{% for m in messages %}{{ loop.previtem.role if loop.previtem is defined"
                            + " else '-' }}>{{ loop.nextitem.role if loop.nextitem is defined else"
                            + " '-' }};{% endfor %}",
                        "->user;system>assistant;user>-;"),
                Arguments.of(
                        "{% for x in 'ab' %}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.length"
                                + " }}{% endfor %}",
                        "212102"),
                Arguments.of("{% for x in [] %}x{% else %}empty{% endfor %}", "empty"),
                Arguments.of(
                        "{% for x in range(6) if x is odd %}{{ x }}{% else %}none{% endfor %}",
                        "135"),
                Arguments.of(
                        "{% for x in range(9) %}{% if x == 3 %}{% break %}{% endif %}{{ x }}{%"
                                + " endfor %}",
                        "012"),
                Arguments.of(
                        "{% for x in range(5) %}{% if x is even %}{% continue %}{% endif %}{{ x"
                                + " }}{% endfor %}",
                        "13"),
                Arguments.of("{% for a, b in [[1, 2], [3, 4]] %}{{ a + b }} {% endfor %}", "3 7 "),
                Arguments.of(
                        "{% for x in [1] %}{% set y = 5 %}{% endfor %}{{ y is defined }}", "False"),
                Arguments.of(
                        "{% for i in [1, 2] %}{{ y is defined }}{% set y = i %}{% endfor %}",
                        "FalseFalse"),
                Arguments.of(
                        "{% set ns = namespace(n=0, last=messages|length - 1) %}{% for m in"
                                + " messages %}{% set ns.n = ns.n + 1 %}{% endfor %}{{ ns.n }}{{"
                                + " ns.last }}",
                        "32"));
    }

    @ParameterizedTest
    @MethodSource
    void loops(String template, String expected) throws ChatTemplateException {
        assertEquals(expected, render(template));
    }

    static Stream<Arguments> testsTruthinessAndPrinting() {
        return Stream.of(
                Arguments.of(
                        "{{ x is defined }}|{{ bos_token is defined }}|{{ messages[0].name is"
                                + " defined }}",
                        "False|True|False"),
                Arguments.of(
                        "{{ none is none }}|{{ 'a' is none }}|{{ 'a' is not none }}",
                        "True|False|True"),
                Arguments.of(
                        "{{ 'a' is string }}|{{ 1 is string }}|{{ messages[0] is string }}",
                        "True|False|False"),
                Arguments.of(
                        "{{ {} is mapping }}|{{ messages[0] is mapping }}|{{ [] is mapping }}",
                        "True|True|False"),
                Arguments.of(
                        "{{ messages is iterable }}|{{ 3 is number }}|{{ false is false }}",
                        "True|True|True"),
                Arguments.of("{% if '' %}a{% elif [] %}b{% elif 0 %}c{% else %}d{% endif %}", "d"),
                Arguments.of(
                        "{% if 'false' %}a{% endif %}{% if 'False' %}b{% endif %}{% if '0' %}c{%"
                                + " endif %}",
                        "abc"),
                Arguments.of(
                        "{{ 'y' if 'false' else 'n' }}|{{ not 'false' }}|{{ not '' }}",
                        "y|False|True"),
                Arguments.of(
                        "{{ '' or 'b' }}|{{ 'a' or 'b' }}|{{ 'a' and 'b' }}|{{ '' and 'b' }}",
                        "b|a|b|"),
                // 'not' binds looser than tests and comparisons: not (x is defined).
                Arguments.of(
                        "{{ not x is defined }}|{{ not bos_token is defined }}|{{ not 1 == 2 }}|{{"
                                + " not 'a' in 'abc' }}|{{ not not '' }}",
                        "True|False|True|False|False"),
                Arguments.of(
                        "{% if not add_generation_prompt is defined %}{% set add_generation_prompt"
                                + " = true %}{% endif %}{{ add_generation_prompt }}",
                        "False"),
                Arguments.of(
                        "{{ true }}|{{ false }}|{{ [1, 'a', true] }}|{{ {'k': 'v'} }}",
                        "True|False|[1, 'a', True]|{'k': 'v'}"),
                Arguments.of(
                        "{{ 1.5 }}|{{ 10 / 4 }}|{{ 10 / 5 }}|{{ 7 // 2 }}|{{ 2 ** 10 }}|{{ 0.00001"
                                + " }}",
                        "1.5|2.5|2.0|3|1024|1e-05"),
                Arguments.of("{{ 'a' ~ 1 ~ true }}|{{ 'a' + 'b' }}", "a1True|ab"),
                Arguments.of(
                        "{{ 2 * 3 ** 2 }}|{{ 2 ** 3 ** 2 }}|{{ 'ab' * 2 ** 2 }}|{{ 7 // 2 * 3 }}|{{"
                                + " messages|length * 2 - 1 }}",
                        "18|64|abababab|9|5"),
                Arguments.of(
                        "{{ 1 == 1.0 }}|{{ '1' == 1 }}|{{ [1, 'a'] == [1, 'a'] }}",
                        "True|False|True"),
                Arguments.of("{{ \"it's\" }}|{{ ['it\\'s', 'a\"b'] }}", "it's|[\"it's\", 'a\"b']"),
                // None is printed; an undefined value is not.
                Arguments.of(
                        "{{ none }}|{{ None }}|{{ undefined_var }}|{{ {'a': 1}.get('b') }}|{{ [1,"
                                + " none] }}|{{ none|tojson }}",
                        "None|None||None|[1, None]|null"),
                Arguments.of(
                        "{% set y = none %}{{ y is defined }}{{ y is none }}{{ 'y' if y else 'n'"
                                + " }}|{{ 'a' ~ none }}",
                        "TrueTruen|aNone"),
                // transformers passes tools=None and documents=None.
                Arguments.of(
                        "{{ tools is none }}{{ tools is defined }}{{ documents }}",
                        "TrueTrueNone"));
    }

    @ParameterizedTest
    @MethodSource
    void testsTruthinessAndPrinting(String template, String expected) throws ChatTemplateException {
        assertEquals(expected, render(template));
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("{{ '  a \\u00a0'|trim }}|{{ 'xax'|trim('x') }}", "a|a"),
                Arguments.of(
                        "{{ {'a': [1, 'é', none, true, 1.5], 'b': {}}|tojson }}",
                        "{\"a\": [1, \"é\", null, true, 1.5], \"b\": {}}"),
                Arguments.of(
                        "{{ {'a': [1, 2]}|tojson(indent=2) }}",
                        "{\n  \"a\": [\n    1,\n    2\n  ]\n}"),
                Arguments.of(
                        "{{ {'b': 1, 'a': 2}|tojson(sort_keys=true) }}", "{\"a\": 2, \"b\": 1}"),
                Arguments.of(
                        "{{ 'line\\n\"q\"\\t\\u0001'|tojson }}", "\"line\\n\\\"q\\\"\\t\\u0001\""),
                Arguments.of("{{ [1, true]|join('-') }}|{{ [1, 2]|string }}", "1-True|[1, 2]"),
                Arguments.of("{% for k, v in {'a': 1}|items %}{{ k }}{{ v }}{% endfor %}", "a1"),
                Arguments.of(
                        "{{ (messages|first).role }}|{{ (messages|last)['content'] }}",
                        "system|Hello"),
                Arguments.of(
                        "{{ messages|last|tojson }}",
                        "{\"role\": \"assistant\", \"content\": \"Hello\"}"));
    }

    static Stream<Arguments> lessCommonJinja2() {
        return Stream.of(
                Arguments.of(
                        "{{ -7 }}|{{ -7 // 2 }}|{{ -7 % 3 }}|{{ 7.5 // 2 }}|{{ 2 ** -1 }}|{{ 2 **"
                                + " 70 }}",
                        "-7|-4|2|3.0|0.5|1180591620717411303424"),
                Arguments.of(
                        "{{ '%s and %r' % ('a', 'b') }}|{{ '%05.1f|%-3d|' % (3.14159, 7) }}|{{"
                                + " '%(x)s%%' % {'x': 1} }}",
                        "a and 'b'|003.1|7  ||1%"),
                Arguments.of(
                        "{{ (1, 'a') }}|{{ {'a': 1}.items()|list }}|{{ {'b': 2, 'A': 1}|dictsort"
                                + " }}",
                        "(1, 'a')|[('a', 1)]|[('A', 1), ('b', 2)]"),
                Arguments.of(
                        "{{ [3, 1, 2]|max }}|{{ ['b', 'A']|min }}|{{ [1, 2, 3]|sum }}|{{ [1,"
                                + " 2.5]|sum }}",
                        "3|A|6|3.5"),
                Arguments.of(
                        "{{ 'abc'|list }}|{{ [1, 2, 3]|batch(2)|list }}|{{ [1, 2, 3]|batch(2,"
                                + " 'x')|list }}",
                        "['a', 'b', 'c']|[[1, 2], [3]]|[[1, 2], [3, 'x']]"),
                Arguments.of(
                        "{{ 'a' 'b' \"c\" }}|{{ dict(a=1, b='x') }}", "abc|{'a': 1, 'b': 'x'}"),
                Arguments.of(
                        "{{ 'x' is sequence }}|{{ {} is iterable }}|{{ 'a' is in 'abc' }}|{{ 2 is"
                                + " in [1, 2] }}",
                        "True|True|True|True"),
                Arguments.of(
                        "{% with y = 5, z = 2 %}{{ y * z }}{% endwith %}{{ y is defined }}",
                        "10False"),
                Arguments.of("{% filter upper %}shout {{ 'it' }}{% endfilter %}", "SHOUT IT"),
                Arguments.of(
                        "{{ messages|length is odd }}|{{ 'a'|upper is not lower }}|{{ x|default(1)"
                                + " is number }}|{{ x|default(none) }}",
                        "True|True|True|None"),
                Arguments.of(
                        "{{ 'abc'|first }}{{ 'abc'|last }}|{{ 'abc'|reverse }}|{{ 'bCa'|sort }}|{{"
                                + " [3, 1]|sort(reverse=true) }}",
                        "ac|cba|['a', 'b', 'C']|[3, 1]"),
                Arguments.of(
                        "{{ \"it's a x-ray (ok)\"|title }}|{{ '<a href=\"x\">&\\'</a>'|e }}|{{"
                                + " 1|capitalize }}",
                        "It's A X-Ray (Ok)|&lt;a href=&#34;x&#34;&gt;&amp;&#39;&lt;/a&gt;|1"),
                Arguments.of(
                        "{{ true + 1 }}|{{ 'ab' * true }}|{{ true is odd }}|{{ [true, 2]|sum }}|{{"
                                + " 'aXa'|replace('a', 'b', 1) }}",
                        "2|ab|True|3|bXa"),
                Arguments.of(
                        "{% generation %}{{ messages[-1].content }}{% endgeneration %}", "Hello"));
    }

    @ParameterizedTest
    @MethodSource
    void lessCommonJinja2(String template, String expected) throws ChatTemplateException {
        assertEquals(expected, render(template));
    }

    @ParameterizedTest
    @MethodSource
    void filters(String template, String expected) throws ChatTemplateException {
        assertEquals(expected, render(template));
    }

    @Test
    void raiseExceptionStopsWithTheTemplatesOwnMessage() {
        ChatTemplateException e =
                assertThrows(
                        ChatTemplateException.class,
                        () ->
                                render(
                                        "before{% for m in messages %}{% if m.role == 'user' %}{{"
                                                + " raise_exception('Only ' ~ m.role ~ ' roles!')"
                                                + " }}{% endif %}{% endfor %}after{{"
                                                + " raise_exception('second') }}"));
        assertEquals("Only user roles!", e.getMessage());
        assertTrue(e.raisedByTemplate());

        ChatTemplateException inMacro =
                assertThrows(
                        ChatTemplateException.class,
                        () ->
                                render(
                                        "{% macro check(m) %}{% if m.role == 'system' %}{{"
                                                + " raise_exception('no system') }}{% endif %}{%"
                                                + " endmacro %}{% for m in messages %}{{ check(m)"
                                                + " }}{% endfor %}"));
        assertEquals("no system", inMacro.getMessage());
    }

    @Test
    void strftimeNowReadsTheConfiguredClock() throws ChatTemplateException {
        Clock clock = Clock.fixed(Instant.parse("2024-07-26T09:05:03Z"), ZoneOffset.UTC);
        ChatTemplate template =
                ChatTemplate.of(
                                "{{ strftime_now('%d %b %Y') }}|{{ strftime_now('%A %B %H:%M:%S %j"
                                        + " %y') }}",
                                Map.of())
                        .withOptions(RenderOptions.DEFAULT.withClock(clock));
        assertEquals("26 Jul 2024|Friday July 09:05:03 208 24", template.render(List.of(), false));
    }

    @Test
    void extraVariablesReachTheTemplate() throws ChatTemplateException {
        ChatTemplate template =
                ChatTemplate.of(
                        "{% if enable_thinking is defined and enable_thinking is false %}off{%"
                                + " endif %}{{ tools|length if tools else 0 }}",
                        Map.of());
        assertEquals(
                "off2",
                template.render(
                        List.of(),
                        false,
                        Map.of(
                                "enable_thinking",
                                false,
                                "tools",
                                List.of(Map.of("name", "a"), Map.of("name", "b")))));
        assertEquals("0", template.render(List.of(), false));
    }

    @Test
    void messageTextIsPrintedNeverExecuted() throws ChatTemplateException {
        String text = "{{ 7 * 7 }} {% if true %}x{% endif %} {# c #} ${x} #{x} \\n 'quote\" \\";
        ChatTemplate template = ChatTemplate.of("{{ messages[0].content }}", Map.of());
        assertEquals(text, template.render(List.of(new ChatTurn("user", text)), false));
    }

    @Test
    void undefinedLoopTargetsAndAttributesAreEmptyNotErrors() throws ChatTemplateException {
        assertEquals("|", render("{{ messages[0].name }}|{% for x in nothing %}x{% endfor %}"));
        assertFalse(render("{{ messages[7] }}").contains("null"));
    }
}
