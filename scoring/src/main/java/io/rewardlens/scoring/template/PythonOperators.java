package io.rewardlens.scoring.template;

import com.hubspot.jinjava.el.ext.AdditionOperator;
import com.hubspot.jinjava.el.ext.AstDict;
import com.hubspot.jinjava.el.ext.AstTuple;
import com.hubspot.jinjava.el.ext.CollectionMembershipOperator;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.OrOperator;
import com.hubspot.jinjava.el.ext.StringConcatOperator;
import com.hubspot.jinjava.objects.SafeString;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jinjava.de.odysseus.el.misc.NumberOperations;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.Parser.ParseException;
import jinjava.de.odysseus.el.tree.impl.Scanner;
import jinjava.de.odysseus.el.tree.impl.Scanner.ScanException;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstBracket;
import jinjava.de.odysseus.el.tree.impl.ast.AstDot;
import jinjava.de.odysseus.el.tree.impl.ast.AstIdentifier;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.de.odysseus.el.tree.impl.ast.AstUnary;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.PropertyNotFoundException;

/**
 * Python's meaning of the binary operators that chat templates use: {@code +} concatenates only
 * strings with strings and lists with lists (Jinjava prints an undefined operand as {@code null}),
 * {@code *} repeats strings, {@code ==} compares without JUEL's string-to-number coercion, and
 * {@code and}/{@code or} return an operand, not a boolean.
 */
final class PythonOperators {
    private PythonOperators() {}

    /** Builds parsers that use these operators; plugged into the expression factory. */
    static final class SyntaxBuilder extends com.hubspot.jinjava.el.ExtendedSyntaxBuilder {
        private static final long serialVersionUID = 1L;

        SyntaxBuilder() {
            // The features Jinjava's default expression factory enables: x.method(...) and varargs.
            super(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
        }

        @Override
        protected Parser createParser(String expression) {
            return new PythonParser(this, expression);
        }
    }

    /** Jinjava's parser with the binary operators swapped for their Python versions. */
    private static final class PythonParser extends ExtendedParser {
        PythonParser(Builder builder, String input) {
            super(builder, input);
            putExtensionHandler(
                    StringConcatOperator.TOKEN,
                    new ExtensionHandler(ExtensionPoint.ADD) {
                        @Override
                        public AstNode createAstNode(AstNode... children) {
                            return new AstBinary(children[0], children[1], CONCAT);
                        }
                    });
            putExtensionHandler(
                    CollectionMembershipOperator.TOKEN,
                    new ExtensionHandler(CollectionMembershipOperator.HANDLER.getExtensionPoint()) {
                        @Override
                        public AstNode createAstNode(AstNode... children) {
                            return new AstBinary(children[0], children[1], IN);
                        }
                    });
        }

        /**
         * {@code and} over {@link #notExpression}: in jinja2 {@code not} binds looser than
         * comparisons and tests, so {@code not x is defined} is {@code not (x is defined)}; JUEL
         * would negate {@code x} first.
         */
        @Override
        protected AstNode and(boolean required) throws ScanException, ParseException {
            AstNode v = notExpression(required);
            if (v == null) {
                return null;
            }
            while (true) {
                Scanner.Token token = getToken();
                if (token.getSymbol() == Scanner.Symbol.AND) {
                    consumeToken();
                    v = createAstBinary(v, notExpression(true), AstBinary.AND);
                } else if (token.getSymbol() == Scanner.Symbol.EXTENSION
                        && getExtensionHandler(token).getExtensionPoint() == ExtensionPoint.AND) {
                    v = getExtensionHandler(consumeToken()).createAstNode(v, notExpression(true));
                } else {
                    return v;
                }
            }
        }

        private AstNode notExpression(boolean required) throws ScanException, ParseException {
            if (getToken().getSymbol() == Scanner.Symbol.NOT) {
                consumeToken();
                return createAstUnary(notExpression(true), AstUnary.NOT);
            }
            return eq(required);
        }

        /**
         * Multiplicative operators over {@link #power}: Jinjava parses {@code **} at the level of
         * {@code *}, so {@code 'x' * 10**9} would multiply first.
         */
        @Override
        protected AstNode mul(boolean required) throws ScanException, ParseException {
            AstNode v = power(required);
            if (v == null) {
                return null;
            }
            while (true) {
                Scanner.Token token = getToken();
                switch (token.getSymbol()) {
                    case MUL:
                        consumeToken();
                        v = createAstBinary(v, power(true), AstBinary.MUL);
                        break;
                    case DIV:
                        consumeToken();
                        v = createAstBinary(v, power(true), AstBinary.DIV);
                        break;
                    case MOD:
                        consumeToken();
                        v = createAstBinary(v, power(true), AstBinary.MOD);
                        break;
                    case EXTENSION:
                        if (!isPower(token)
                                && getExtensionHandler(token).getExtensionPoint()
                                        == ExtensionPoint.MUL) {
                            v = getExtensionHandler(consumeToken()).createAstNode(v, power(true));
                            break;
                        }
                        return v;
                    default:
                        return v;
                }
            }
        }

        /**
         * {@code a ** b}, binding tighter than {@code *}; jinja2 (unlike Python) groups it to the
         * left, so {@code 2 ** 3 ** 2} is 64.
         */
        private AstNode power(boolean required) throws ScanException, ParseException {
            AstNode v = filter(required);
            while (v != null && isPower(getToken())) {
                consumeToken();
                v = createAstBinary(v, filter(true), POW);
            }
            return v;
        }

        private static boolean isPower(Scanner.Token token) {
            return token.getSymbol() == Scanner.Symbol.EXTENSION && "**".equals(token.getImage());
        }

        /**
         * A filter chain may be followed by a test, as in jinja2's {@code x|length is odd};
         * Jinjava's parser stops after the filters.
         */
        @Override
        protected AstNode parseFiltersAsNestedMethods(AstNode left)
                throws ScanException, ParseException {
            AstNode v = super.parseFiltersAsNestedMethods(left);
            while ("is".equals(getToken().getImage())) {
                consumeToken();
                boolean negated = "not".equals(getToken().getImage());
                if (negated) {
                    consumeToken();
                }
                String test = consumeToken().getImage();
                List<AstNode> params = new ArrayList<>(List.of(v, interpreter()));
                AstNode argument = value();
                if (argument != null) {
                    params.add(argument);
                }
                v =
                        createAstMethod(
                                createAstDot(
                                        identifier(EXPTEST_PREFIX + test),
                                        negated ? "evaluateNegated" : "evaluate",
                                        true),
                                createAstParameters(params));
                if ("|".equals(getToken().getImage())) {
                    v = super.parseFiltersAsNestedMethods(v);
                }
            }
            return v;
        }

        /**
         * A parenthesised expression or tuple, as jinja2 reads it: {@code (x)} is {@code x}, {@code
         * (x,)} and {@code (x, y)} are tuples, {@code ()} is the empty tuple. Jinjava looks ahead
         * for a comma without counting braces, so {@code ({'a': 1, 'b': 2})} became a one-element
         * tuple holding the dict, and it refuses a trailing comma.
         */
        @Override
        protected AstNode nonliteral() throws ScanException, ParseException {
            if (getToken().getSymbol() != Scanner.Symbol.LPAREN) {
                return super.nonliteral();
            }
            consumeToken();
            List<AstNode> items = new ArrayList<>();
            boolean tuple = true;
            if (getToken().getSymbol() != Scanner.Symbol.RPAREN) {
                items.add(expr(true));
                tuple = false;
                while (getToken().getSymbol() == Scanner.Symbol.COMMA) {
                    consumeToken();
                    tuple = true;
                    if (getToken().getSymbol() == Scanner.Symbol.RPAREN) {
                        break;
                    }
                    items.add(expr(true));
                }
            }
            consumeToken(Scanner.Symbol.RPAREN);
            return tuple
                    ? createAstTuple(createAstParameters(items))
                    : createAstNested(items.get(0));
        }

        /**
         * Dict literals keep their keys' types, as in Python: Jinjava turns {@code {1024: 'a'}}
         * into the key {@code "1024"}, which sorts before {@code "512"} and prints quoted.
         */
        @Override
        protected AstDict createAstDict(Map<AstNode, AstNode> entries) {
            return new AstDict(entries) {
                @Override
                public Object eval(Bindings bindings, ELContext context) {
                    Map<Object, Object> dict = new LinkedHashMap<>();
                    for (Map.Entry<AstNode, AstNode> e : entries.entrySet()) {
                        Object key = e.getKey().eval(bindings, context);
                        if (key == null && e.getKey() instanceof AstIdentifier) {
                            key = ((AstIdentifier) e.getKey()).getName();
                        }
                        dict.put(key, e.getValue().eval(bindings, context));
                    }
                    return dict;
                }
            };
        }

        /**
         * {@code x.name} that raises when {@code x} is undefined, as jinja2's {@code Undefined}
         * does; JUEL quietly gives undefined again, so a template's guard never fired.
         */
        @Override
        protected AstDot createAstDot(AstNode base, String property, boolean lvalue) {
            return new DotNode(base, property, lvalue);
        }

        /** {@code x[key]} that raises when {@code x} is undefined; see {@link #createAstDot}. */
        @Override
        protected AstBracket createAstBracket(
                AstNode base, AstNode property, boolean lvalue, boolean strict) {
            return new BracketNode(base, property, lvalue, strict);
        }

        /**
         * Chained comparisons, as in Python: {@code a < b < c} is {@code a < b and b < c}. Jinjava
         * refuses the second operator.
         */
        @Override
        protected AstNode cmp(boolean required) throws ScanException, ParseException {
            AstNode v = super.cmp(required);
            if (!(v instanceof AstBinary) || relational(getToken()) == null) {
                return v;
            }
            AstNode right = ((AstBinary) v).getChild(1);
            AstNode chain = v;
            AstBinary.Operator op;
            while ((op = relational(getToken())) != null) {
                consumeToken();
                AstNode next = add(true);
                chain = createAstBinary(chain, createAstBinary(right, next, op), AstBinary.AND);
                right = next;
            }
            return chain;
        }

        private static AstBinary.Operator relational(Scanner.Token token) {
            switch (token.getSymbol()) {
                case LT:
                    return AstBinary.LT;
                case LE:
                    return AstBinary.LE;
                case GT:
                    return AstBinary.GT;
                case GE:
                    return AstBinary.GE;
                default:
                    return null;
            }
        }

        /** Tuple literals evaluate to {@link PyTuple}, which prints and %-formats as a tuple. */
        @Override
        protected AstTuple createAstTuple(AstParameters parameters)
                throws ScanException, ParseException {
            return new AstTuple(parameters) {
                @Override
                public Object eval(Bindings bindings, ELContext context) {
                    return PyTuple.of((List<?>) super.eval(bindings, context));
                }
            };
        }

        @Override
        protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator op) {
            AstBinary.Operator python = op;
            if (op == AstBinary.ADD || op == AdditionOperator.OP) {
                python = ADD;
            } else if (op == AstBinary.MUL) {
                python = MUL;
            } else if (op == AstBinary.MOD) {
                python = MOD;
            } else if (op == AstBinary.EQ) {
                python = EQ;
            } else if (op == AstBinary.NE) {
                python = NE;
            } else if (op == AstBinary.AND) {
                python = AND;
            } else if (op == AstBinary.OR || op instanceof OrOperator) {
                python = OR;
            }
            return super.createAstBinary(left, right, python);
        }
    }

    /** {@code x.name}, raising when {@code x} is undefined. */
    private static final class DotNode extends AstDot {
        private final String description;

        DotNode(AstNode base, String property, boolean lvalue) {
            super(base, property, lvalue);
            description = describe(base) + "." + property;
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            Object base = prefix.eval(bindings, context);
            if (base == null) {
                throw undefined(prefix);
            }
            return lookUp(base, getProperty(bindings, context), context);
        }
    }

    /** {@code x[key]}, raising when {@code x} is undefined. */
    private static final class BracketNode extends AstBracket {
        private final String description;

        BracketNode(AstNode base, AstNode property, boolean lvalue, boolean strict) {
            super(base, property, lvalue, strict);
            description = describe(base) + "[...]";
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            Object base = prefix.eval(bindings, context);
            if (base == null) {
                throw undefined(prefix);
            }
            Object key = getProperty(bindings, context);
            if (base instanceof Map && key != null && !(key instanceof String)) {
                // Jinjava's resolvers would look the key up as a string.
                return dictItem((Map<?, ?>) base, key);
            }
            return lookUp(base, key, context);
        }
    }

    /**
     * {@code d[key]} for a key that is not a string, matched as Python hashes keys: {@code 2},
     * {@code 2.0} and {@code True} find the entry of {@code 2}, {@code 2} and {@code 1}; {@code
     * none} finds the None key; a missing key is undefined (null).
     */
    private static Object dictItem(Map<?, ?> map, Object key) {
        if (map.containsKey(key)) {
            return map.get(key);
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String) && pythonEquals(e.getKey(), key)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Reads {@code base.property} through the resolvers, or fails when nothing resolves it. */
    private static Object lookUp(Object base, Object property, ELContext context) {
        context.setPropertyResolved(false);
        Object result = context.getELResolver().getValue(context, base, property);
        if (!context.isPropertyResolved()) {
            throw new PropertyNotFoundException(
                    "no property '" + property + "' on " + typeName(base));
        }
        return result;
    }

    /** jinja2's UndefinedError for reading an attribute or item of an undefined value. */
    private static RuntimeException undefined(AstNode prefix) {
        return RenderSession.error("'" + describe(prefix) + "' is undefined");
    }

    /** Template-like text for an expression, for the message about an undefined value. */
    private static String describe(AstNode node) {
        if (node instanceof AstIdentifier) {
            return ((AstIdentifier) node).getName();
        }
        if (node instanceof DotNode) {
            return ((DotNode) node).description;
        }
        if (node instanceof BracketNode) {
            return ((BracketNode) node).description;
        }
        return "value";
    }

    /** A text operand of a Markup operation: Markup as it is, plain text HTML-escaped. */
    private static String markup(Object text) {
        return text instanceof SafeString ? text.toString() : escapeHtml(text.toString());
    }

    private static Object markupArgument(Object arg) {
        return arg instanceof String ? escapeHtml((String) arg) : arg;
    }

    /** markupsafe's {@code escape}: the five characters HTML gives meaning to. */
    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append("&#39;");
                case '"' -> out.append("&#34;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code a + b}. */
    static final AstBinary.Operator ADD =
            operator(
                    "+",
                    (converter, a, b) -> {
                        if (isText(a) && isText(b)) {
                            if (a instanceof SafeString || b instanceof SafeString) {
                                // Markup + str escapes the plain operand, as markupsafe does.
                                return new SafeString(
                                        RenderSession.current().limitString(markup(a) + markup(b)));
                            }
                            return RenderSession.current().limitString(a.toString() + b);
                        }
                        if (a instanceof List && b instanceof List) {
                            RenderSession.current()
                                    .checkItems((long) ((List<?>) a).size() + ((List<?>) b).size());
                            List<Object> joined = new ArrayList<>((List<?>) a);
                            joined.addAll((List<?>) b);
                            return joined;
                        }
                        if (isNumber(a) && isNumber(b)) {
                            return NumberOperations.add(converter, arithmetic(a), arithmetic(b));
                        }
                        throw unsupportedOperands("+", a, b);
                    });

    /** {@code a * b}, with Python's repetition of strings and lists. */
    static final AstBinary.Operator MUL =
            operator(
                    "*",
                    (converter, a, b) -> {
                        if (isText(a) && isInteger(b)) {
                            return repeat(a.toString(), toLong(b));
                        }
                        if (isInteger(a) && isText(b)) {
                            return repeat(b.toString(), toLong(a));
                        }
                        if (a instanceof List && isInteger(b)) {
                            return repeatList((List<?>) a, toLong(b));
                        }
                        if (isNumber(a) && isNumber(b)) {
                            return NumberOperations.mul(converter, arithmetic(a), arithmetic(b));
                        }
                        throw unsupportedOperands("*", a, b);
                    });

    /** {@code a % b}: Python's modulo (sign of the divisor) and {@code %}-formatting of strings. */
    static final AstBinary.Operator MOD =
            operator(
                    "%",
                    (converter, a, operand) -> {
                        Object b = PyTuple.unwrap(operand);
                        if (a instanceof SafeString) {
                            // Markup % args escapes the arguments, as markupsafe does.
                            Object args =
                                    b instanceof PyTuple
                                            ? PyTuple.of(
                                                    ((PyTuple) b)
                                                            .stream()
                                                                    .map(
                                                                            PythonOperators
                                                                                    ::markupArgument)
                                                                    .toList())
                                            : markupArgument(b);
                            return new SafeString(
                                    RenderSession.current()
                                            .limitString(PythonFormat.percent(a.toString(), args)));
                        }
                        if (isText(a)) {
                            return RenderSession.current()
                                    .limitString(PythonFormat.percent(a.toString(), b));
                        }
                        if (isInteger(a) && isInteger(b)) {
                            long divisor = toLong(b);
                            if (divisor == 0) {
                                throw RenderSession.error("integer modulo by zero");
                            }
                            return Math.floorMod(toLong(a), divisor);
                        }
                        if (isNumber(a) && isNumber(b)) {
                            double x = toDouble(a);
                            double y = toDouble(b);
                            if (y == 0) {
                                throw RenderSession.error("float modulo");
                            }
                            double r = x % y;
                            return r != 0 && (r < 0) != (y < 0) ? r + y : r;
                        }
                        throw unsupportedOperands("%", a, b);
                    });

    /** {@code a ** b}: exact for integers, a float for a negative integer exponent. */
    static final AstBinary.Operator POW =
            operator(
                    "**",
                    (converter, a, b) -> {
                        if (isInteger(a) && isInteger(b) && toLong(b) >= 0) {
                            long exponent = toLong(b);
                            BigInteger base = BigInteger.valueOf(toLong(a));
                            if (exponent > 100_000 || (base.bitLength() * exponent) > 1_000_000) {
                                throw RenderSession.error("exponent too large");
                            }
                            BigInteger result = base.pow((int) exponent);
                            return result.bitLength() < 64 ? (Object) result.longValue() : result;
                        }
                        if (isNumber(a) && isNumber(b)) {
                            return Math.pow(toDouble(a), toDouble(b));
                        }
                        throw unsupportedOperands("**", a, b);
                    });

    /** {@code a ~ b}: both sides printed with Python's {@code str}. */
    static final AstBinary.Operator CONCAT =
            operator(
                    "~",
                    (converter, a, b) ->
                            RenderSession.current()
                                    .limitString(PythonValues.str(a) + PythonValues.str(b)));

    /** {@code a == b}. */
    static final AstBinary.Operator EQ = operator("==", (converter, a, b) -> pythonEquals(a, b));

    /**
     * {@code a in b}: Python membership, without Jinjava's coercion of {@code a} to the items'
     * type.
     */
    static final AstBinary.Operator IN =
            operator("in", (converter, a, b) -> PythonTests.contains(b, a));

    /** {@code a != b}. */
    static final AstBinary.Operator NE = operator("!=", (converter, a, b) -> !pythonEquals(a, b));

    /** {@code a and b}: {@code a} when it is false, else {@code b}. */
    static final AstBinary.Operator AND = shortCircuit("and", false);

    /** {@code a or b}: {@code a} when it is true, else {@code b}. */
    static final AstBinary.Operator OR = shortCircuit("or", true);

    /** The body of a binary operator that takes both operands evaluated. */
    private interface OperandFunction {
        Object apply(TypeConverter converter, Object a, Object b);
    }

    /** A binary operator over both evaluated operands, printed as its {@code symbol}. */
    private static AstBinary.Operator operator(String symbol, OperandFunction function) {
        return new AstBinary.SimpleOperator() {
            @Override
            protected Object apply(TypeConverter converter, Object a, Object b) {
                return function.apply(converter, a, b);
            }

            @Override
            public String toString() {
                return symbol;
            }
        };
    }

    /**
     * {@code and}/{@code or}: the left operand when its truth is {@code leftWhen}, else the right
     * operand, which is evaluated only then.
     */
    private static AstBinary.Operator shortCircuit(String symbol, boolean leftWhen) {
        return new AstBinary.Operator() {
            @Override
            public Object eval(Bindings bindings, ELContext context, AstNode a, AstNode b) {
                Object left = a.eval(bindings, context);
                return PythonValues.truthy(left) == leftWhen ? left : b.eval(bindings, context);
            }

            @Override
            public String toString() {
                return symbol;
            }
        };
    }

    /** Python's TypeError for operands that the operator {@code symbol} does not take. */
    private static RuntimeException unsupportedOperands(String symbol, Object a, Object b) {
        return RenderSession.error(
                "unsupported operand type(s) for "
                        + symbol
                        + ": '"
                        + typeName(a)
                        + "' and '"
                        + typeName(b)
                        + "'");
    }

    /** Python's {@code ==}: numbers by value (booleans count as 0/1), containers item by item. */
    static boolean pythonEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (isNumber(a) || a instanceof Boolean) {
            if (!(isNumber(b) || b instanceof Boolean)) {
                return false;
            }
            if (isFloat(a) || isFloat(b)) {
                // NaN equals nothing, as in Python; double comparison gives exactly that.
                return toDouble(a) == toDouble(b);
            }
            return toBigDecimal(a).compareTo(toBigDecimal(b)) == 0;
        }
        if (isText(a) || isText(b)) {
            return isText(a) && isText(b) && a.toString().equals(b.toString());
        }
        if (a instanceof List && b instanceof List) {
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!pythonEquals(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<?, ?> x = (Map<?, ?>) a;
            Map<?, ?> y = (Map<?, ?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !pythonEquals(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static BigDecimal toBigDecimal(Object n) {
        if (n instanceof Boolean) {
            return (Boolean) n ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (n instanceof BigDecimal) {
            return (BigDecimal) n;
        }
        if (n instanceof BigInteger) {
            return new BigDecimal((BigInteger) n);
        }
        return BigDecimal.valueOf(((Number) n).longValue());
    }

    private static double toDouble(Object n) {
        return n instanceof Boolean ? ((Boolean) n ? 1 : 0) : ((Number) n).doubleValue();
    }

    private static boolean isFloat(Object n) {
        return n instanceof Double || n instanceof Float;
    }

    static boolean isText(Object o) {
        return o instanceof String || o instanceof SafeString;
    }

    static boolean isNumber(Object o) {
        return o instanceof Number || o instanceof Boolean;
    }

    private static long toLong(Object o) {
        return o instanceof Boolean ? ((Boolean) o ? 1 : 0) : ((Number) o).longValue();
    }

    /** A boolean as the int Python takes it for in arithmetic; other values unchanged. */
    static Object arithmetic(Object o) {
        return o instanceof Boolean ? (Object) ((Boolean) o ? 1L : 0L) : o;
    }

    private static boolean isInteger(Object o) {
        return o instanceof Boolean
                || o instanceof Long
                || o instanceof Integer
                || o instanceof Short
                || o instanceof Byte
                || o instanceof BigInteger;
    }

    private static String repeat(String s, long times) {
        if (times <= 0 || s.isEmpty()) {
            return "";
        }
        RenderSession.current().checkLength(saturatedProduct(s.length(), times));
        return s.repeat((int) times);
    }

    private static List<Object> repeatList(List<?> list, long times) {
        List<Object> out = new ArrayList<>();
        if (times <= 0) {
            return out;
        }
        RenderSession.current().checkItems(saturatedProduct(list.size(), times));
        for (long i = 0; i < times; i++) {
            out.addAll(list);
        }
        return out;
    }

    private static long saturatedProduct(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }

    /** The Python type name of a value, for error messages that read like Python's. */
    static String typeName(Object o) {
        if (o == null) {
            return "undefined";
        }
        if (o == PyNone.INSTANCE) {
            return "NoneType";
        }
        if (isText(o)) {
            return "str";
        }
        if (o instanceof Boolean) {
            return "bool";
        }
        if (o instanceof Double || o instanceof Float || o instanceof BigDecimal) {
            return "float";
        }
        if (o instanceof Number) {
            return "int";
        }
        if (o instanceof Map) {
            return "dict";
        }
        if (o instanceof Collection) {
            return "list";
        }
        if (o instanceof PyGenerator) {
            return "generator";
        }
        return "object";
    }
}
