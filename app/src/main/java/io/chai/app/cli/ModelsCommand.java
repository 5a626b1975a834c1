// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.common.UserFacingException;
import io.chai.inference.client.ModelServerClient;
import io.chai.inference.client.ModelServerProbe;
import io.chai.inference.settings.ApiKeys;
import io.chai.inference.settings.ConfigPaths;
import io.chai.inference.settings.Dialect;
import io.chai.inference.settings.LaunchSpec;
import io.chai.inference.settings.SecretStore;
import io.chai.inference.settings.ServerProfile;
import io.chai.inference.settings.ServerSettings;
import io.chai.inference.settings.SettingsException;
import io.chai.inference.settings.Timeouts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chai models list|add|remove|check}: the model-server profiles in the user's settings
 * ({@code $XDG_CONFIG_HOME/chai/servers.json}); API keys are referenced, never stored in the profile.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Configure model servers (vLLM, llama.cpp, Ollama, LM Studio, any OpenAI-compatible) and check"
                + " what each supports.",
        subcommands = {ModelsCommand.ListServers.class, ModelsCommand.Add.class, ModelsCommand.Remove.class,
            ModelsCommand.Check.class})
public final class ModelsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config-dir", hidden = true, description = "settings directory (default: the user's)")
    Path configDir;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: list, add, remove or check (see 'chai models --help').");
    }

    Path configDir() {
        return configDir != null ? configDir : ConfigPaths.configDir();
    }

    /** {@code chai models list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the configured model servers.")
    static final class ListServers implements Callable<Integer> {
        @CommandLine.ParentCommand
        ModelsCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ServerSettings s = ServerSettings.load(parent.configDir());
            if (s.profiles().isEmpty()) {
                out.println("No model servers configured; add one with 'chai models add NAME --url URL --model MODEL"
                        + " --dialect DIALECT'.");
                return ChaiCommand.EXIT_OK;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAME", "DIALECT", "URL", "MODEL", "API KEY", "LAUNCH"});
            for (ServerProfile p : s.profiles()) {
                rows.add(new String[] {p.name(), p.dialect().id(), p.baseUrl().toString(), p.model(),
                    p.apiKeyRef() == null ? "-" : p.apiKeyRef(),
                    p.launch() == null ? "-" : String.join(" ", p.launch().command())});
            }
            printTable(out, rows);
            return ChaiCommand.EXIT_OK;
        }
    }

    /** {@code chai models add NAME --url U --model M --dialect D}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add (or with --replace, change) a server.")
    static final class Add implements Callable<Integer> {
        @CommandLine.ParentCommand
        ModelsCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "short name, e.g. local-vllm")
        String name;

        @Option(names = "--url", required = true, description = "server root, e.g. http://127.0.0.1:8000")
        String url;

        @Option(names = "--model", required = true, description = "model id, e.g. Qwen/Qwen3-VL-8B-Instruct")
        String model;

        @Option(names = "--dialect", required = true, description = "openai, vllm, llama-cpp, ollama or lm-studio")
        String dialect;

        @Option(names = "--api-key-env", paramLabel = "VAR", description = "read the API key from this environment variable")
        String apiKeyEnv;

        @Option(names = "--api-key-stdin", description = "read the API key from standard input and keep it in the"
                + " user's secrets file (0600)")
        boolean apiKeyStdin;

        @Option(names = "--connect-timeout", paramLabel = "SECONDS", description = "default: 5")
        Integer connectTimeout;

        @Option(names = "--read-timeout", paramLabel = "SECONDS", description = "longest silence while waiting; default: 120")
        Integer readTimeout;

        @Option(names = "--launch", paramLabel = "COMMAND", description = "command line that starts the server locally,"
                + " e.g. \"llama-server -m model.gguf --mmproj mmproj.gguf --port 8080\"")
        String launch;

        @Option(names = "--replace", description = "replace a server of the same name")
        boolean replace;

        @Override
        public Integer call() {
            if (apiKeyEnv != null && apiKeyStdin) {
                throw new UserFacingException("Use either --api-key-env or --api-key-stdin, not both.");
            }
            Path dir = parent.configDir();
            ServerSettings settings = ServerSettings.load(dir);
            ServerProfile p = ServerProfile.of(name, url, model, Dialect.parse(dialect));
            if (connectTimeout != null || readTimeout != null) {
                p = p.withTimeouts(new Timeouts(
                        connectTimeout == null ? Timeouts.DEFAULT.connect() : Duration.ofSeconds(connectTimeout),
                        readTimeout == null ? Timeouts.DEFAULT.read() : Duration.ofSeconds(readTimeout)));
            }
            if (launch != null) {
                p = p.withLaunch(LaunchSpec.of(splitCommand(launch)));
            }
            if (apiKeyEnv != null) {
                p = p.withApiKeyRef("env:" + apiKeyEnv);
            }
            ServerSettings updated = settings.with(apiKeyStdin ? p.withApiKeyRef("secret:" + name) : p, replace);
            if (apiKeyStdin) {
                new SecretStore(dir).put(name, readKey());
            }
            updated.save(dir);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Added server '" + name + "' (" + p.dialect().id() + ", " + p.baseUrl() + ", " + p.model()
                    + ") to " + ConfigPaths.serversFile(dir) + ". Check it with 'chai models check --server " + name + "'.");
            return ChaiCommand.EXIT_OK;
        }

        private static String readKey() {
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line = r.readLine();
                if (line == null || line.isBlank()) {
                    throw new SettingsException("No API key on standard input (pipe it in, e.g. from a password manager).");
                }
                return line.strip();
            } catch (IOException e) {
                throw new SettingsException("Cannot read the API key from standard input: " + e.getMessage(), e);
            }
        }
    }

    /** {@code chai models remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a server (and its stored key).")
    static final class Remove implements Callable<Integer> {
        @CommandLine.ParentCommand
        ModelsCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            Path dir = parent.configDir();
            ServerSettings s = ServerSettings.load(dir);
            ServerProfile p = s.require(name);
            s.without(name).save(dir);
            if (p.apiKeyRef() != null && p.apiKeyRef().startsWith("secret:")) {
                new SecretStore(dir).remove(p.apiKeyRef().substring("secret:".length()));
            }
            spec.commandLine().getOut().println("Removed server '" + name + "'.");
            return ChaiCommand.EXIT_OK;
        }
    }

    /** {@code chai models check [--server NAME]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Probe each server (or one): model list, chat, images, json_schema, logprobs, video_url."
                    + " Exit 1 when a server is not usable.")
    static final class Check implements Callable<Integer> {
        @CommandLine.ParentCommand
        ModelsCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--server", paramLabel = "NAME", description = "check only this server")
        String server;

        @Override
        public Integer call() {
            Path dir = parent.configDir();
            ServerSettings s = ServerSettings.load(dir);
            List<ServerProfile> targets = server != null ? List.of(s.require(server)) : s.profiles();
            if (targets.isEmpty()) {
                throw new SettingsException("No model servers configured; add one with 'chai models add'.");
            }
            PrintWriter out = spec.commandLine().getOut();
            ApiKeys keys = new ApiKeys(System.getenv(), new SecretStore(dir));
            List<String> unusable = new ArrayList<>();
            for (ServerProfile p : targets) {
                out.println(p.name() + "  " + p.dialect().id() + "  " + p.baseUrl() + "  " + p.model());
                ModelServerProbe.Report r;
                try (ModelServerClient c = new ModelServerClient(p, keys)) {
                    r = ModelServerProbe.probe(c);
                } catch (SettingsException e) {
                    out.println("  " + e.getMessage());
                    unusable.add(p.name());
                    continue;
                }
                List<String[]> rows = new ArrayList<>();
                for (ModelServerProbe.Check ch : r.checks()) {
                    rows.add(new String[] {"  " + ch.feature(), word(ch.status()), ch.detail()});
                }
                printTable(out, rows);
                if (!r.usable()) {
                    unusable.add(p.name());
                }
            }
            out.flush();
            if (!unusable.isEmpty()) {
                throw new UserFacingException(unusable.size() + " of " + targets.size()
                        + (targets.size() == 1 ? " server is" : " servers are") + " not usable: "
                        + String.join(", ", unusable) + ".");
            }
            return ChaiCommand.EXIT_OK;
        }

        private static String word(ModelServerProbe.Status s) {
            return switch (s) {
                case SUPPORTED -> "yes";
                case UNSUPPORTED -> "no";
                case FAILED -> "FAILED";
                case SKIPPED -> "-";
            };
        }
    }

    static void printTable(PrintWriter out, List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols - 1; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                sb.append(i < cols - 1 ? String.format(Locale.ROOT, "%-" + w[i] + "s  ", r[i]) : r[i]);
            }
            out.println(sb.toString().stripTrailing());
        }
        out.flush();
    }

    /** Splits a command line on whitespace, honouring single and double quotes (no other shell syntax). */
    static List<String> splitCommand(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
            }
        }
        if (quote != 0) {
            throw new UserFacingException("Unbalanced quote in the launch command: " + line);
        }
        if (any || cur.length() > 0) {
            out.add(cur.toString());
        }
        if (out.isEmpty()) {
            throw new UserFacingException("The launch command is empty.");
        }
        return out;
    }
}
