package org.incidentmap.cql2;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.incidentmap.cql2.Cql2TextParser.ScalarContext;
import org.incidentmap.geo.GeometryLimits;
import org.incidentmap.geo.InvalidGeometryException;
import org.incidentmap.geo.QueryGeometry;

/** Reads a CQL2 text filter (OGC 21-065, cql2-text) into an {@link Expr}, or throws a {@link Cql2Exception}. */
public final class Cql2Text extends Cql2TextBaseVisitor<Expr> {

    private final String text;
    private final GeometryLimits limits;

    private Cql2Text(String text, GeometryLimits limits) {
        this.text = text;
        this.limits = limits;
    }

    public static Expr parse(String text, GeometryLimits limits) {
        checkNesting(text);
        Cql2TextParser.FilterContext tree;
        try {
            // Two stages, as ANTLR advises: the fast SLL prediction reads almost every filter; only when it fails
            // is the filter read again with full LL prediction, which also reports the error.
            Cql2TextParser parser = parser(text);
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
            parser.removeErrorListeners();
            tree = parser.filter();
        } catch (ParseCancellationException | Cql2Exception sllFailed) {
            Cql2TextParser parser = parser(text);
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            tree = parser.filter();
        }
        return new Cql2Text(text, limits).visit(tree);
    }

    private static Cql2TextParser parser(String text) {
        Cql2TextLexer lexer = new Cql2TextLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(FIRST_ERROR);
        Cql2TextParser parser = new Cql2TextParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(FIRST_ERROR);
        return parser;
    }

    /**
     * Refuses, before parsing, a filter of more than {@link Cql2Filter#MAX_TOKENS} tokens or with parentheses nested
     * deeper than {@link Cql2Filter#MAX_DEPTH}: the parser's work and stack grow with both. Counted on the lexer's own
     * tokens, so that a quote inside a string (escaped or doubled) is read as the grammar reads it.
     */
    private static void checkNesting(String text) {
        Cql2TextLexer lexer = new Cql2TextLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(FIRST_ERROR);
        int depth = 0;
        int tokens = 0;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (++tokens > Cql2Filter.MAX_TOKENS) {
                throw new Cql2Exception(t.getStartIndex() + 1, "the filter has more than " + Cql2Filter.MAX_TOKENS
                        + " tokens; send a long geometry to /collections/incidents/search as intersects");
            }
            if (t.getType() == Cql2TextLexer.LP && ++depth > Cql2Filter.MAX_DEPTH) {
                throw new Cql2Exception(t.getStartIndex() + 1, "the filter nests more than " + Cql2Filter.MAX_DEPTH
                        + " levels deep");
            } else if (t.getType() == Cql2TextLexer.RP) {
                depth--;
            }
        }
    }

    /** Stops at the first syntax error, naming the position in the filter (1-based) and what was found there. */
    private static final BaseErrorListener FIRST_ERROR = new BaseErrorListener() {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
                RecognitionException e) {
            int at = offending instanceof Token t ? t.getStartIndex() + 1 : column + 1;
            String found = offending instanceof Token t ? t.getType() == Token.EOF ? "the end of the filter"
                    : "'" + t.getText() + "'" : null;
            String reason = found != null ? "unexpected " + found + describe(msg)
                    : msg.startsWith("token recognition error at: ")
                    ? "unexpected character " + msg.substring("token recognition error at: ".length()) : msg;
            throw new Cql2Exception(at, reason);
        }

        /** ANTLR's "expecting {...}" with the grammar's token names in words. */
        private static String describe(String antlrMessage) {
            int expecting = antlrMessage.indexOf("expecting ");
            if (expecting < 0) {
                return "";
            }
            String words = antlrMessage.substring(expecting).replace("'", "")
                    .replace("GEOMETRY_TYPE", "a WKT geometry").replace("QUOTED_IDENTIFIER, IDENTIFIER", "a property")
                    .replace("QUOTED_IDENTIFIER", "a quoted property").replace("IDENTIFIER", "a property")
                    .replace("NUMBER", "a number").replace("STRING", "a 'string'").replace("<EOF>", "the end");
            return " (" + words + ")";
        }
    };

    private static int at(ParserRuleContext ctx) {
        return ctx.getStart().getStartIndex() + 1;
    }

    @Override
    public Expr visitFilter(Cql2TextParser.FilterContext ctx) {
        return visit(ctx.booleanExpression());
    }

    @Override
    public Expr visitBooleanExpression(Cql2TextParser.BooleanExpressionContext ctx) {
        List<Expr> terms = ctx.booleanTerm().stream().map(this::visit).toList();
        return terms.size() == 1 ? terms.get(0) : new Expr.Or(terms, at(ctx));
    }

    @Override
    public Expr visitBooleanTerm(Cql2TextParser.BooleanTermContext ctx) {
        List<Expr> factors = ctx.booleanFactor().stream().map(this::visit).toList();
        return factors.size() == 1 ? factors.get(0) : new Expr.And(factors, at(ctx));
    }

    @Override
    public Expr visitBooleanFactor(Cql2TextParser.BooleanFactorContext ctx) {
        Expr primary = visit(ctx.booleanPrimary());
        return ctx.NOT() == null ? primary : new Expr.Not(primary, at(ctx));
    }

    @Override
    public Expr visitBinaryComparison(Cql2TextParser.BinaryComparisonContext ctx) {
        return new Expr.Compare(ctx.comparisonOperator().getText(), visit(ctx.scalar(0)), visit(ctx.scalar(1)), at(ctx));
    }

    @Override
    public Expr visitIsLike(Cql2TextParser.IsLikeContext ctx) {
        return not(ctx.NOT() != null, new Expr.Like(visit(ctx.scalar(0)), visit(ctx.scalar(1)), at(ctx)));
    }

    @Override
    public Expr visitIsBetween(Cql2TextParser.IsBetweenContext ctx) {
        return not(ctx.NOT() != null,
                new Expr.Between(visit(ctx.scalar(0)), visit(ctx.scalar(1)), visit(ctx.scalar(2)), at(ctx)));
    }

    @Override
    public Expr visitIsInList(Cql2TextParser.IsInListContext ctx) {
        List<Expr> list = ctx.scalar().subList(1, ctx.scalar().size()).stream().map(this::visit).toList();
        return not(ctx.NOT() != null, new Expr.In(visit(ctx.scalar(0)), list, at(ctx)));
    }

    @Override
    public Expr visitIsNull(Cql2TextParser.IsNullContext ctx) {
        return not(ctx.NOT() != null, new Expr.IsNull(visit(ctx.scalar()), at(ctx)));
    }

    private static Expr not(boolean negated, Expr e) {
        return negated ? new Expr.Not(e, e.at()) : e;
    }

    @Override
    public Expr visitGrouped(Cql2TextParser.GroupedContext ctx) {
        return visit(ctx.booleanExpression());
    }

    @Override
    public Expr visitBooleanValue(Cql2TextParser.BooleanValueContext ctx) {
        return visit(ctx.scalar());
    }

    @Override
    public Expr visitNegative(Cql2TextParser.NegativeContext ctx) {
        // Signs folded into a number leave no depth for the check after parsing to see, so a chain of them is
        // bounded here (whether its parse overflows the stack first depends on how warm the JIT is).
        int signs = 1;
        for (Cql2TextParser.ScalarContext s = ctx.scalar(); s instanceof Cql2TextParser.NegativeContext n;
                s = n.scalar()) {
            if (++signs > Cql2Filter.MAX_DEPTH) {
                throw new Cql2Exception(at(ctx), "the filter nests more than " + Cql2Filter.MAX_DEPTH
                        + " levels deep");
            }
        }
        Expr value = visit(ctx.scalar());
        if (value instanceof Expr.Number n) {
            return new Expr.Number(-n.value(), n.integral(), at(ctx));
        }
        return new Expr.Arithmetic("-", new Expr.Number(0, true, at(ctx)), value, at(ctx));
    }

    @Override
    public Expr visitPower(Cql2TextParser.PowerContext ctx) {
        return arithmetic("^", ctx.scalar(0), ctx.scalar(1), ctx);
    }

    @Override
    public Expr visitMultiplicative(Cql2TextParser.MultiplicativeContext ctx) {
        return arithmetic(ctx.getChild(1).getText().toLowerCase(), ctx.scalar(0), ctx.scalar(1), ctx);
    }

    @Override
    public Expr visitAdditive(Cql2TextParser.AdditiveContext ctx) {
        return arithmetic(ctx.getChild(1).getText(), ctx.scalar(0), ctx.scalar(1), ctx);
    }

    private Expr arithmetic(String op, ScalarContext left, ScalarContext right, ParserRuleContext ctx) {
        return new Expr.Arithmetic(op, visit(left), visit(right), at(ctx));
    }

    @Override
    public Expr visitParenthesised(Cql2TextParser.ParenthesisedContext ctx) {
        return visit(ctx.scalar());
    }

    @Override
    public Expr visitEmptyArray(Cql2TextParser.EmptyArrayContext ctx) {
        return new Expr.Array(List.of(), at(ctx));
    }

    @Override
    public Expr visitArray(Cql2TextParser.ArrayContext ctx) {
        return new Expr.Array(ctx.scalar().stream().map(this::visit).toList(), at(ctx));
    }

    @Override
    public Expr visitCharacterLiteral(Cql2TextParser.CharacterLiteralContext ctx) {
        return new Expr.Text(unquote(ctx.STRING().getText()), at(ctx));
    }

    /** Undoes the quoting of a literal: '' and \' are a quote; other backslashes stay (they escape LIKE wildcards). */
    static String unquote(String literal) {
        String body = literal.substring(1, literal.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if ((c == '\'' || c == '\\') && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < body.length()) {
                out.append(c).append(body.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public Expr visitNumericLiteral(Cql2TextParser.NumericLiteralContext ctx) {
        return Literals.number(ctx.NUMBER().getText(), at(ctx));
    }

    @Override
    public Expr visitBooleanLiteral(Cql2TextParser.BooleanLiteralContext ctx) {
        return new Expr.Bool(ctx.TRUE() != null, at(ctx));
    }

    @Override
    public Expr visitSpatialLiteral(Cql2TextParser.SpatialLiteralContext ctx) {
        String wkt = text.substring(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex() + 1);
        try {
            return new Expr.GeometryLiteral(QueryGeometry.parse(wkt, limits), at(ctx));
        } catch (InvalidGeometryException e) {
            throw new Cql2Exception(at(ctx), "the geometry " + abbreviated(wkt) + " is invalid: " + e.getMessage());
        }
    }

    private static String abbreviated(String wkt) {
        return wkt.length() <= 60 ? wkt : wkt.substring(0, 57) + "...";
    }

    @Override
    public Expr visitFunction(Cql2TextParser.FunctionContext ctx) {
        String name = name(ctx.propertyName());
        List<Expr> args = new ArrayList<>();
        for (ScalarContext arg : ctx.scalar()) {
            // (a) is a one-element array where a function takes arrays (A_CONTAINS(actors, ('x'))).
            args.add(arg instanceof Cql2TextParser.ParenthesisedContext p && Literals.takesArrays(name)
                    ? new Expr.Array(List.of(visit(p.scalar())), at(p)) : visit(arg));
        }
        return Literals.call(name, args, at(ctx));
    }

    @Override
    public Expr visitProperty(Cql2TextParser.PropertyContext ctx) {
        return new Expr.Property(name(ctx.propertyName()), at(ctx));
    }

    private static String name(Cql2TextParser.PropertyNameContext ctx) {
        String name = ctx.getText();
        return ctx.QUOTED_IDENTIFIER() != null ? name.substring(1, name.length() - 1) : name;
    }
}
