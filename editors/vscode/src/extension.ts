// The skaidri extension for VS Code: starts `skaidri lsp` and connects it to the editor.
// All checking happens in the server; this file only starts it and passes settings.

import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration("skaidri");
}

function createClient(): LanguageClient {
  const config = settings();
  const command = config.get<string>("path") || "skaidri";
  const serverOptions: ServerOptions = {
    run: { command, args: ["lsp"], transport: TransportKind.stdio },
    debug: { command, args: ["lsp"], transport: TransportKind.stdio },
  };
  const languages = ["plaintext", "markdown", "html", ...(config.get<string[]>("languageIds") ?? [])];
  const documentSelector = languages.flatMap((language) => [
    { scheme: "file", language },
    { scheme: "untitled", language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    // The server reads the same keys as the `skaidri.*` settings (see package.json).
    initializationOptions: { skaidri: vscode.workspace.getConfiguration().get("skaidri") },
    synchronize: {
      // Sends workspace/didChangeConfiguration with the `skaidri` section on every change.
      configurationSection: "skaidri",
      // skaidri.toml and the workspace dictionary take effect as soon as they are saved.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{skaidri.toml,.skaidri/words.txt}"),
    },
  };
  return new LanguageClient("skaidri", "skaidri", serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createClient();
  context.subscriptions.push(
    vscode.commands.registerCommand("skaidri.restart", async () => {
      if (client) {
        await client.stop();
      }
      client = createClient();
      await client.start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The program path and language list decide how the server is started.
      if (e.affectsConfiguration("skaidri.path") || e.affectsConfiguration("skaidri.languageIds")) {
        await vscode.commands.executeCommand("skaidri.restart");
      }
    }),
  );
  try {
    await client.start();
  } catch (err) {
    const path = settings().get<string>("path") || "skaidri";
    void vscode.window.showErrorMessage(
      `skaidri: could not start \`${path} lsp\` (${String(err)}). Install skaidri or set "skaidri.path".`,
    );
  }
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
  }
}
