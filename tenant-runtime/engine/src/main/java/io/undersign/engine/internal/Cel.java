package io.undersign.engine.internal;

import com.google.common.collect.ImmutableList;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.optimizer.CelOptimizationException;
import dev.cel.optimizer.CelOptimizerFactory;
import dev.cel.optimizer.optimizers.ConstantFoldingOptimizer;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelVariableResolver;
import io.undersign.engine.model.QuestionType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** CEL set up once for the engine: compilers over declared variables, one planner runtime. */
final class Cel {
    // heterogeneous comparisons let `bmi >= 30` compare a double with an int literal; the limits bound what one
    // expression can cost: its size, its depth, and (with no comprehension inside another) its loops
    static final int MAX_ITERATIONS = 1000;
    static final CelOptions OPTIONS = CelOptions.DEFAULT.toBuilder().enableHeterogeneousNumericComparisons(true)
            .comprehensionMaxIterations(MAX_ITERATIONS).maxExpressionCodePointSize(2000).maxParseRecursionDepth(32)
            .maxParseExpressionNodeCount(400).maxRegexProgramSize(200).build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.plannerRuntimeBuilder().setOptions(OPTIONS).build();

    private Cel() {
    }

    /** A type-checked, planned expression and the variables it reads. */
    record Compiled(String source, CelRuntime.Program program, Set<String> references, CelAbstractSyntaxTree ast) {

        Object eval(CelVariableResolver values) throws CelEvaluationException {
            return program.eval(values);
        }

        boolean test(CelVariableResolver values) throws CelEvaluationException {
            return Boolean.TRUE.equals(program.eval(values));
        }
    }

    /** A compiler over {@code variables}; a full CEL environment, as constant folding evaluates what it can ahead of any case. */
    static dev.cel.bundle.Cel compiler(Map<String, CelType> variables) {
        CelBuilder builder = CelFactory.standardCelBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
        variables.forEach(builder::addVar);
        return builder.build();
    }

    /** Compiles {@code source}, expecting {@code resultType}; problems go to {@code problems} at {@code path}. */
    static Compiled compile(dev.cel.bundle.Cel compiler, String source, CelType resultType, String path, Problems problems) {
        CelValidationResult result = compiler.compile(source);
        if (result.hasError()) {
            result.getErrors().forEach(issue -> problems.add(path, describe(issue.getMessage())));
            return null;
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            if (nestedComprehension(ast.getExpr(), false)) {
                problems.add(path, "a comprehension (all, exists, map, filter) inside another is not allowed: its cost grows as a power");
                return null;
            }
            String foldingProblem = foldingProblem(compiler, ast);
            if (foldingProblem != null) {
                problems.add(path, foldingProblem);
                return null;
            }
            CelType actual = ast.getResultType();
            if (!resultType.isAssignableFrom(actual) && !(resultType == SimpleType.DOUBLE && actual == SimpleType.INT)) {
                problems.add(path, "must be of type " + resultType.name() + " but is " + actual.name());
                return null;
            }
            return new Compiled(source, RUNTIME.createProgram(ast), references(ast.getExpr()), ast);
        } catch (Exception e) {
            problems.add(path, e.getMessage());
            return null;
        }
    }

    /** An evaluation error in rulebook terms, one line. */
    static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return describe(message.lines().findFirst().orElse(message));
    }

    private static String describe(String celMessage) {
        // CEL says "undeclared reference to 'smokr' (in container '')": say it in rulebook terms
        if (celMessage.startsWith("undeclared reference to")) {
            String name = celMessage.replaceAll("^[^']*'([^']*)'.*", "$1");
            return "undeclared question '" + name + "'";
        }
        return celMessage;
    }

    static Set<String> references(CelExpr root) {
        Set<String> names = new LinkedHashSet<>();
        collect(root, names);
        return names;
    }

    /**
     * What constant folding finds wrong ahead of any case: a constant part that cannot be evaluated
     * ({@code 10 / (2 - 2)}, an overflow), or a division by what folds to zero ({@code x / (2 - 2)}).
     */
    private static String foldingProblem(dev.cel.bundle.Cel cel, CelAbstractSyntaxTree ast) {
        if (dividesByLiteralZero(ast.getExpr())) {
            return "divides by zero (x / 0 or x % 0 can never be evaluated)";
        }
        CelAbstractSyntaxTree folded;
        try {
            folded = CelOptimizerFactory.standardCelOptimizerBuilder(cel).addAstOptimizers(ConstantFoldingOptimizer.getInstance())
                    .build().optimize(ast);
        } catch (CelOptimizationException e) {
            String reason = e.getMessage().replaceAll("(?s)^.*due to: (evaluation error: )?", "").lines().findFirst().orElse("");
            return "a part made only of constants cannot be evaluated (" + reason + ")";
        }
        if (dividesByLiteralZero(folded.getExpr())) {
            return "divides by zero (a divisor that is always 0 can never be evaluated)";
        }
        return null;
    }

    /** {@code x / 0}, {@code x % 0}, {@code x / 0.0} anywhere in the expression: known ahead of any case. */
    private static boolean dividesByLiteralZero(CelExpr expr) {
        return switch (expr.getKind()) {
            case CALL -> {
                var call = expr.call();
                boolean division = (call.function().equals("_/_") || call.function().equals("_%_")) && call.args().size() == 2
                        && isZero(call.args().get(1));
                yield division || call.target().map(Cel::dividesByLiteralZero).orElse(false)
                        || call.args().stream().anyMatch(Cel::dividesByLiteralZero);
            }
            case SELECT -> dividesByLiteralZero(expr.select().operand());
            case LIST -> expr.list().elements().stream().anyMatch(Cel::dividesByLiteralZero);
            case COMPREHENSION -> dividesByLiteralZero(expr.comprehension().iterRange()) || dividesByLiteralZero(expr.comprehension().loopStep())
                    || dividesByLiteralZero(expr.comprehension().result());
            default -> false;
        };
    }

    private static boolean isZero(CelExpr expr) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            return false;
        }
        var c = expr.constant();
        return switch (c.getKind()) {
            case INT64_VALUE -> c.int64Value() == 0;
            case UINT64_VALUE -> c.uint64Value().longValue() == 0;
            case DOUBLE_VALUE -> c.doubleValue() == 0.0;
            default -> false;
        };
    }

    private static boolean nestedComprehension(CelExpr expr, boolean inside) {
        return switch (expr.getKind()) {
            case SELECT -> nestedComprehension(expr.select().operand(), inside);
            case CALL -> expr.call().target().map(t -> nestedComprehension(t, inside)).orElse(false)
                    || expr.call().args().stream().anyMatch(a -> nestedComprehension(a, inside));
            case LIST -> expr.list().elements().stream().anyMatch(e -> nestedComprehension(e, inside));
            case MAP -> expr.map().entries().stream().anyMatch(e -> nestedComprehension(e.key(), inside) || nestedComprehension(e.value(), inside));
            case COMPREHENSION -> inside || nestedComprehension(expr.comprehension().iterRange(), true)
                    || nestedComprehension(expr.comprehension().loopStep(), true) || nestedComprehension(expr.comprehension().loopCondition(), true)
                    || nestedComprehension(expr.comprehension().result(), true) || nestedComprehension(expr.comprehension().accuInit(), true);
            default -> false;
        };
    }

    private static void collect(CelExpr expr, Set<String> names) {
        switch (expr.getKind()) {
            case IDENT -> names.add(expr.ident().name());
            case SELECT -> collect(expr.select().operand(), names);
            case CALL -> {
                expr.call().target().ifPresent(t -> collect(t, names));
                expr.call().args().forEach(a -> collect(a, names));
            }
            case LIST -> expr.list().elements().forEach(e -> collect(e, names));
            case MAP -> expr.map().entries().forEach(e -> {
                collect(e.key(), names);
                collect(e.value(), names);
            });
            case COMPREHENSION -> {
                collect(expr.comprehension().iterRange(), names);
                Set<String> inner = new LinkedHashSet<>();
                collect(expr.comprehension().loopStep(), inner);
                collect(expr.comprehension().result(), inner);
                inner.remove(expr.comprehension().iterVar());
                inner.remove(expr.comprehension().accuVar());
                names.addAll(inner);
            }
            default -> {
            }
        }
    }

    static CelType typeOf(QuestionType type) {
        return switch (type) {
            case NUMBER -> SimpleType.DOUBLE;
            case INTEGER -> SimpleType.INT;
            case BOOLEAN -> SimpleType.BOOL;
            case SINGLE_CHOICE, TEXT -> SimpleType.STRING;
            case MULTI_CHOICE -> ListType.create(SimpleType.STRING);
            case DATE -> SimpleType.TIMESTAMP;
        };
    }

    /** The value an unanswered (or not asked) question has in expressions. */
    static Object zeroOf(QuestionType type) {
        return switch (type) {
            case NUMBER -> 0.0d;
            case INTEGER -> 0L;
            case BOOLEAN -> false;
            case SINGLE_CHOICE, TEXT -> "";
            case MULTI_CHOICE -> ImmutableList.of();
            case DATE -> Instant.EPOCH;
        };
    }

    /** Dates as CEL's runtime represents timestamps natively (no conversion on every read). */
    static Instant timestamp(LocalDate date) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
