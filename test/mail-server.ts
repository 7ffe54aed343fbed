/**
 * A real SMTP server on 127.0.0.1 for the tests of `pressroom notify`
 * (smtp-server, with a login), every message it takes parsed back with
 * mailparser; and the pressroom command run beside it without blocking it.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { ROOT, type CliResult } from "./helpers.ts";

export const USER = "presse";
export const PASSWORD = "Geheim-Passwort-42";

export interface Received {
  readonly to: readonly string[];
  readonly raw: string;
  readonly mail: ParsedMail;
}

export interface MailServer {
  readonly port: number;
  readonly received: Received[];
  /** PRESSROOM_SMTP_URL with the right (or another) password. */
  url(password?: string): string;
  /** Called with each message's recipients before the server answers it; throw to refuse it. */
  beforeAnswer?: (to: readonly string[]) => Promise<void> | void;
  close(): Promise<void>;
}

export async function startMailServer(): Promise<MailServer> {
  const state: MailServer = {
    port: 0,
    received: [],
    url: (password = PASSWORD) => `smtp://${USER}:${encodeURIComponent(password)}@127.0.0.1:${state.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    // A test server on the loopback: no TLS, a login over plain text.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
      else callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        try {
          await state.beforeAnswer?.(to);
        } catch (error) {
          callback(Object.assign(error as Error, { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        state.received.push({ to, raw, mail: await simpleParser(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  (state as { port: number }).port = (server.server.address() as { port: number }).port;
  return state;
}

export interface RunningCli {
  readonly done: Promise<CliResult>;
  kill(): void;
}

/** The real `pressroom` command, run without blocking this process (whose mail server it talks to). */
export function startPressroom(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): RunningCli {
  const child = spawn(process.execPath, [path.join(ROOT, "bin", "pressroom.js"), ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliResult>((resolve) => child.on("close", (status) => resolve({ status, stdout, stderr })));
  return { done, kill: () => child.kill("SIGKILL") };
}

export const runPressroom = (args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliResult> => startPressroom(args, options).done;
