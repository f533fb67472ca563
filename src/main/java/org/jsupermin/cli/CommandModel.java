package org.jsupermin.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsupermin.build.FormatRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Range;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's model of supermin's command line, built from {@link SuperminOption}'s table without
 * annotations or reflection: it parses what {@link QuickParser} declines and writes the help.
 */
public final class CommandModel {

    private static final String HELP_SECTION = "jsupermin-help";

    private CommandModel() {
    }

    /** A picocli command line for a new {@link SuperminCommand} whose messages go nowhere. */
    public static CommandLine commandLine() {
        return commandLine(new SuperminCommand(new PrintWriter(Writer.nullWriter())));
    }

    /** A picocli command line that parses into and runs {@code command}. */
    static CommandLine commandLine(SuperminCommand command) {
        return new CommandLine(spec(command));
    }

    /** Parses {@code args} into {@code command} with picocli and runs it, as picocli runs commands: the exit status. */
    static int execute(String[] args, SuperminCommand command, PrintWriter err) {
        CommandLine cl = commandLine(command);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Errors::onParameterError);
        cl.setExecutionExceptionHandler((e, line, parsed) -> Errors.onExecutionError(e, command, line.getErr(), line));
        return cl.execute(args);
    }

    /** The model: the usage texts and, in the table's order, the options that set {@code command}'s fields. */
    static CommandSpec spec(SuperminCommand command) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("supermin");
        spec.versionProvider(new Version());
        // the help is laid out by HelpText from the same table; picocli keeps the synopsis for usage errors
        spec.usageMessage()
                .sortOptions(false)
                .customSynopsis(HelpText.SYNOPSIS)
                .sectionKeys(List.of(HELP_SECTION))
                .sectionMap(Map.of(HELP_SECTION, help -> HelpText.text()));
        for (SuperminOption option : SuperminOption.values()) {
            Binding binding = new Binding(option, command);
            if (option.kind() == SuperminOption.Kind.POSITIONAL) {
                spec.addPositional(PositionalParamSpec.builder()
                        .arity(defaultArity(option))
                        .type(List.class)
                        .auxiliaryTypes(String.class)
                        .paramLabel(option.paramLabel())
                        .description(option.description())
                        .descriptionKey("")
                        .prompt("")
                        .initialValue(option.read(command))
                        .getter(binding)
                        .setter(binding)
                        .build());
                continue;
            }
            Class<?> type = option.type();
            spec.addOption(OptionSpec.builder(option.names())
                    .completionCandidates(option == SuperminOption.FORMAT ? FormatRegistry.standard().names() : null)
                    .arity(defaultArity(option))
                    .type(type)
                    .auxiliaryTypes(type.isArray() ? type.getComponentType() : type == List.class ? String.class : type)
                    .paramLabel(option.paramLabel() != null ? option.paramLabel() : "<" + fieldName(option) + ">")
                    .description(option.description())
                    .descriptionKey("")
                    .prompt("")
                    .usageHelp(option.kind() == SuperminOption.Kind.HELP)
                    .versionHelp(option.kind() == SuperminOption.Kind.VERSION)
                    .initialValue(option.read(command))
                    .getter(binding)
                    .setter(binding)
                    .build());
        }
        return spec;
    }

    /**
     * The arity picocli gives an annotated field of the option's type, "unspecified" as there:
     * {@code --prepare=true} stays valid and the help shows {@code [PACKAGE|INPUT...]}.
     */
    static Range defaultArity(SuperminOption option) {
        String arity = switch (option.kind()) {
            case FLAG, COUNT, VERSION, HELP -> "0";
            case TEXT, PATH, LIST -> "1";
            case POSITIONAL -> "0..1";
        };
        return Range.valueOf(arity).unspecified(true);
    }

    /** The field's name, which picocli shows as the label of an option without a value: IF_NEWER is ifNewer. */
    static String fieldName(SuperminOption option) {
        StringBuilder name = new StringBuilder();
        for (String word : option.name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    /** Reads and writes one option's field of one command for picocli. */
    private record Binding(SuperminOption option, SuperminCommand command) implements IGetter, ISetter {

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) option.read(command);
        }

        @Override
        public <T> T set(T value) {
            T previous = get();
            option.store(command, value);
            return previous;
        }
    }
}
