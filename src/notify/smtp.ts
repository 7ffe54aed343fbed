/**
 * The mail server: its settings from the environment (never from the
 * repository), and the one module that knows nodemailer, loaded only when a
 * mail is really sent. No message of this module holds the password.
 */
import type { Message } from "./message.ts";

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (smtps://, usually port 465); otherwise STARTTLS. */
  readonly tls: boolean;
  readonly user?: string;
  readonly password?: string;
  /** For messages: the server without its password. */
  readonly shown: string;
}

/** A server on this machine may be spoken to without TLS (a test server, a local relay); every other must offer STARTTLS. */
const isLoopback = (host: string): boolean => host === "localhost" || host === "::1" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);

const ENV_URL = "PRESSROOM_SMTP_URL";

/** The server from PRESSROOM_SMTP_URL, or from PRESSROOM_SMTP_HOST, _PORT, _USER, _PASSWORD and _SECURITY (starttls or tls). */
export function smtpSettings(env: NodeJS.ProcessEnv = process.env): SmtpSettings {
  const url = env[ENV_URL]?.trim();
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw settingsError(`${ENV_URL} is not an address like smtp://user:password@mail.example.org:587 (or smtps://… for TLS)`);
    }
    const tls = parsed.protocol === "smtps:";
    if (!tls && parsed.protocol !== "smtp:") throw settingsError(`${ENV_URL} must start with smtp:// (STARTTLS) or smtps:// (TLS), not ${parsed.protocol}//`);
    if (!parsed.hostname) throw settingsError(`${ENV_URL} names no server: smtp://user:password@mail.example.org:587`);
    const decode = (part: string): string => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    };
    const user = parsed.username ? decode(parsed.username) : undefined;
    const password = parsed.password ? decode(parsed.password) : undefined;
    const port = parsed.port ? Number(parsed.port) : tls ? 465 : 587;
    return settings(parsed.hostname, port, tls, user, password);
  }
  const host = env.PRESSROOM_SMTP_HOST?.trim();
  if (!host) throw settingsError(`notify needs a mail server: set ${ENV_URL} (smtp://user:password@host:587) or PRESSROOM_SMTP_HOST (see docs/operating.md)`);
  const security = (env.PRESSROOM_SMTP_SECURITY ?? "starttls").trim().toLowerCase();
  if (security !== "starttls" && security !== "tls") throw settingsError(`PRESSROOM_SMTP_SECURITY must be starttls or tls, not "${security}"`);
  const tls = security === "tls";
  const portText = env.PRESSROOM_SMTP_PORT?.trim();
  const port = portText ? Number(portText) : tls ? 465 : 587;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw settingsError(`PRESSROOM_SMTP_PORT "${portText}" is not a port number`);
  return settings(host, port, tls, env.PRESSROOM_SMTP_USER || undefined, env.PRESSROOM_SMTP_PASSWORD || undefined);
}

function settings(host: string, port: number, tls: boolean, user: string | undefined, password: string | undefined): SmtpSettings {
  const shown = `${tls ? "smtps" : "smtp"}://${user ? `${encodeURIComponent(user)}@` : ""}${host}:${port}`;
  return { host, port, tls, ...(user !== undefined && { user }), ...(password !== undefined && { password }), shown };
}

/** `text` with the password (as given and as written in an address) replaced. */
export function withoutPassword(text: string, settings: SmtpSettings): string {
  const secret = settings.password;
  if (!secret) return text;
  let out = text;
  for (const form of new Set([secret, encodeURIComponent(secret)])) if (form.length > 0) out = out.split(form).join("[password]");
  return out;
}

/** A failure to send, in one line that names no secret; `fatal` when no other mail can go either (login, connection). */
export class MailError extends Error {
  override name = "MailError";
  constructor(
    message: string,
    readonly fatal: boolean,
  ) {
    super(message);
  }
}

/** A setting of the mail server that cannot work: no mail can go. */
const settingsError = (message: string): MailError => new MailError(message, true);

function mailError(error: unknown, settings: SmtpSettings): MailError {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const said = withoutPassword((e.response ?? e.message ?? String(error)).split("\n")[0]!.trim(), settings);
  switch (e.code) {
    case "EAUTH":
      return new MailError(`the mail server ${settings.shown} refused the user name or password (${said}): check PRESSROOM_SMTP_URL or PRESSROOM_SMTP_USER/PASSWORD`, true);
    case "ENOAUTH":
      return new MailError(`the mail server ${settings.shown} asks for a login: give user and password in PRESSROOM_SMTP_URL`, true);
    case "ETLS":
      return new MailError(`the mail server ${settings.shown} offers no working TLS (${said}): use smtps:// for TLS, or a server that offers STARTTLS`, true);
    case "ECONNECTION":
    case "ETIMEDOUT":
    case "ESOCKET":
    case "EDNS":
      return new MailError(`cannot reach the mail server ${settings.shown} (${said})`, true);
    default:
      return new MailError(`the mail server ${settings.shown} did not take the mail${e.responseCode ? ` (${said})` : `: ${said}`}`, false);
  }
}

export interface Mailer {
  send(message: Message, from: string): Promise<void>;
  close(): void;
}

/** Connect and log in (a wrong password is found here, before the first mail); nodemailer is loaded now, not before. */
export async function openMailer(settings: SmtpSettings): Promise<Mailer> {
  const nodemailer = await import("nodemailer");
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.tls,
    requireTLS: !settings.tls && !isLoopback(settings.host),
    ...(settings.user !== undefined && { auth: { user: settings.user, pass: settings.password ?? "" } }),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    // One connection, one mail after the other: the record is written after each.
    pool: false,
  });
  try {
    await transport.verify();
  } catch (error) {
    transport.close();
    throw mailError(error, settings);
  }
  return {
    async send(message, from) {
      try {
        await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: `<${message.messageId}>`,
          ...(message.replyTo.length > 0 && { replyTo: message.replyTo.map((a) => ({ name: a.name ?? "", address: a.address })) }),
          list: {
            id: { url: message.listId.id, comment: message.listId.name },
            ...(message.unsubscribe && { unsubscribe: message.unsubscribe }),
          },
          headers: { "Auto-Submitted": "auto-generated" },
        });
      } catch (error) {
        throw mailError(error, settings);
      }
    },
    close() {
      transport.close();
    },
  };
}
