/**
 * Chat templates rendered exactly as Hugging Face {@code transformers} renders them ({@code
 * apply_chat_template(messages, tokenize=False)}), so that reward models score the text they were
 * trained on. {@link io.rewardlens.scoring.template.ChatTemplate} is the entry point.
 *
 * <p>Rendering runs on Jinjava, adapted to jinja2 in three layers: the source translator applies
 * jinja2's lexing and whitespace rules and rewrites syntax Jinjava lacks (slices with a step,
 * Python string escapes); a parser subclass gives the operators Python's precedence and meaning;
 * resolvers, tags, filters and tests give values Python's methods, truthiness and printing. The
 * same resolver is the sandbox: templates see only strings, numbers, lists, dicts and the loop
 * object, and every render runs under the time and size limits of its {@link
 * io.rewardlens.scoring.template.RenderOptions}.
 *
 * <p>Known differences from jinja2, each kept as a skipped probe in the tests' {@code
 * templates-probes/known-differences.txt}: the {@code recursive} loop modifier, calling a variable
 * (a {@code joiner}, or {@code caller()} in a macro called without {@code call}), {@code varargs}
 * printing as a list, and Jinjava's {@code groupby} and {@code attr}.
 */
package io.rewardlens.scoring.template;
