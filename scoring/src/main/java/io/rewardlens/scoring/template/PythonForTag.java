package io.rewardlens.scoring.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter.InterpreterScopeClosable;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.util.ForLoop;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * jinja2's {@code for} tag: Python iteration (a dict yields its keys, a string its characters),
 * tuple unpacking, the {@code if} filter, the {@code else} block, and a {@code loop} object with
 * {@code previtem}, {@code nextitem}, {@code revindex} and {@code length}. Jinjava's own tag lacks
 * {@code else}, {@code previtem} and {@code nextitem}. Every iteration checks the render's time and
 * size limits, so an empty loop body cannot spin unchecked.
 */
final class PythonForTag extends ForTag {
    private static final long serialVersionUID = 1L;

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        RenderSession session = RenderSession.current();
        Header header = Header.parse(tagNode.getHelpers(), tagNode);
        List<Object> items =
                iterate(
                        interpreter.resolveELExpression(
                                header.iterable,
                                tagNode.getLineNumber(),
                                tagNode.getStartPosition()));

        List<Node> body = new ArrayList<>();
        List<Node> elseBody = null;
        for (Node child : tagNode.getChildren()) {
            if (elseBody == null
                    && child instanceof TagNode
                    && ((TagNode) child).getName().equals("else")) {
                elseBody = new ArrayList<>();
            } else if (elseBody != null) {
                elseBody.add(child);
            } else {
                body.add(child);
            }
        }

        if (header.condition != null) {
            List<Object> kept = new ArrayList<>();
            for (Object item : items) {
                session.check();
                InterpreterScopeClosable scope = interpreter.enterScope();
                try {
                    bind(interpreter, header.targets, item);
                    Object keep =
                            interpreter.resolveELExpression(
                                    header.condition,
                                    tagNode.getLineNumber(),
                                    tagNode.getStartPosition());
                    if (PythonValues.truthy(keep)) {
                        kept.add(item);
                    }
                } finally {
                    scope.close();
                }
            }
            items = kept;
        }

        StringBuilder out = new StringBuilder();
        if (items.isEmpty()) {
            if (elseBody != null) {
                renderAll(elseBody, interpreter, out, session, null);
            }
            return out.toString();
        }
        InterpreterScopeClosable scope = interpreter.enterScope();
        try {
            Loop loop = new Loop(items);
            interpreter.getContext().put(LOOP, loop);
            while (loop.hasNext()) {
                session.check();
                Object item = loop.next();
                // Names set in one iteration are gone in the next, as in jinja2.
                InterpreterScopeClosable iteration = interpreter.enterScope();
                try {
                    bind(interpreter, header.targets, item);
                    renderAll(body, interpreter, out, session, loop);
                } finally {
                    iteration.close();
                }
            }
        } finally {
            scope.close();
        }
        return out.toString();
    }

    private static void renderAll(
            List<Node> nodes,
            JinjavaInterpreter interpreter,
            StringBuilder out,
            RenderSession session,
            Loop loop) {
        for (Node node : nodes) {
            out.append(node.render(interpreter).getValue());
            session.checkLength(out.length());
            if (loop != null && loop.isContinued()) {
                return;
            }
        }
    }

    private static void bind(JinjavaInterpreter interpreter, List<String> targets, Object item) {
        if (targets.size() == 1) {
            interpreter.getContext().put(targets.get(0), item);
            return;
        }
        List<Object> values;
        if (item instanceof Map.Entry) {
            values =
                    List.of(((Map.Entry<?, ?>) item).getKey(), ((Map.Entry<?, ?>) item).getValue());
        } else {
            values = iterate(item);
        }
        if (values.size() != targets.size()) {
            throw RenderSession.error(
                    values.size() < targets.size()
                            ? "not enough values to unpack (expected "
                                    + targets.size()
                                    + ", got "
                                    + values.size()
                                    + ")"
                            : "too many values to unpack (expected " + targets.size() + ")");
        }
        for (int i = 0; i < targets.size(); i++) {
            interpreter.getContext().put(targets.get(i), values.get(i));
        }
    }

    /**
     * What a Python {@code for} loop yields for a value: list items, dict keys, string characters;
     * an undefined value yields nothing, as jinja2's {@code Undefined} does.
     */
    static List<Object> iterate(Object value) {
        if (value == null) {
            return new ArrayList<>();
        }
        if (value instanceof Map) {
            return new ArrayList<>(((Map<?, ?>) value).keySet());
        }
        if (value instanceof Collection) {
            return new ArrayList<>((Collection<?>) value);
        }
        if (value instanceof PyGenerator) {
            return ((PyGenerator) value).drain();
        }
        if (value instanceof String || value instanceof SafeString) {
            RenderSession.current().checkItems(value.toString().length());
            return new ArrayList<>(PythonStrings.characters(value.toString()));
        }
        if (value instanceof Object[]) {
            return new ArrayList<>(List.of((Object[]) value));
        }
        throw RenderSession.error(
                "'" + PythonOperators.typeName(value) + "' object is not iterable");
    }

    /** The parts of {@code for a, b in items if cond}. */
    private static final class Header {
        final List<String> targets;
        final String iterable;
        final String condition;

        private Header(List<String> targets, String iterable, String condition) {
            this.targets = targets;
            this.iterable = iterable;
            this.condition = condition;
        }

        static Header parse(String helpers, TagNode node) {
            int in = ExpressionText.findKeyword(helpers, "in", 0);
            if (in < 0) {
                throw syntaxError(node, "Tag 'for' expects 'for <targets> in <iterable>'");
            }
            List<String> targets = new ArrayList<>();
            for (String t :
                    helpers.substring(0, in).replace("(", " ").replace(")", " ").split(",")) {
                String name = t.trim();
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw syntaxError(node, "Tag 'for' has an invalid loop target '" + name + "'");
                }
                targets.add(name);
            }
            String rest = helpers.substring(in + 2);
            int recursive = ExpressionText.findKeyword(rest, "recursive", 0);
            if (recursive >= 0) {
                throw syntaxError(node, "recursive loops are not supported");
            }
            int cond = ExpressionText.findKeyword(rest, "if", 0);
            String iterable = cond < 0 ? rest.trim() : rest.substring(0, cond).trim();
            String condition = cond < 0 ? null : rest.substring(cond + 2).trim();
            if (iterable.isEmpty()) {
                throw syntaxError(node, "Tag 'for' has no iterable");
            }
            return new Header(targets, iterable, condition);
        }

        private static RuntimeException syntaxError(TagNode node, String message) {
            return RenderSession.error(
                    "line "
                            + node.getLineNumber()
                            + ": "
                            + message
                            + ": "
                            + node.getMaster().getImage());
        }
    }

    /**
     * jinja2's {@code loop} variable. It extends Jinjava's loop so that Jinjava's {@code break} and
     * {@code continue} tags work on it.
     */
    static final class Loop extends ForLoop {
        private final List<Object> items;
        private List<Object> lastChanged;

        Loop(List<Object> items) {
            super(items.iterator(), items.size());
            this.items = items;
        }

        /** An attribute of {@code loop}, or null (undefined) for names jinja2 does not have. */
        Object attribute(String name) {
            int i = getIndex0();
            int n = items.size();
            switch (name) {
                case "index":
                    return (long) i + 1;
                case "index0":
                    return (long) i;
                case "revindex":
                    return (long) (n - i);
                case "revindex0":
                    return (long) (n - i - 1);
                case "first":
                    return i == 0;
                case "last":
                    return i == n - 1;
                case "length":
                    return (long) n;
                case "depth":
                    return 1L;
                case "depth0":
                    return 0L;
                case "previtem":
                    return i > 0 ? items.get(i - 1) : null;
                case "nextitem":
                    return i + 1 < n ? items.get(i + 1) : null;
                default:
                    return null;
            }
        }

        /**
         * {@code loop.changed(*values)}: true on the first call and whenever the values differ from
         * the last call's.
         */
        boolean changed(List<Object> values) {
            if (lastChanged != null && PythonOperators.pythonEquals(lastChanged, values)) {
                return false;
            }
            lastChanged = values;
            return true;
        }

        Object cycle(List<Object> values) {
            if (values.isEmpty()) {
                throw RenderSession.error("no items for cycling given");
            }
            return values.get(getIndex0() % values.size());
        }
    }
}
