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
 * <p>Known differences from jinja2, none of which the templates of the reward models in use rely
 * on: an undefined value is printed as nothing and counts as {@code none} in {@code is none}
 * (jinja2 says not none), and reading an attribute of it gives undefined where jinja2 raises; the
 * {@code recursive} loop modifier, {@code loop.changed()}, the globals {@code lipsum}, {@code
 * cycler} and {@code joiner}, and one-element tuple literals are not supported; some Jinjava
 * filters not overridden here may format unusual operand types (booleans, tuples) differently.
 */
package io.rewardlens.scoring.template;
